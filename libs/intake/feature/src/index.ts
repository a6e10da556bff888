export { IntakeConfig } from './intake-config';
export { IntakeModule } from './intake.module';
export { FlaggedMeasurementsMigration } from './infrastructure/flagged-measurements.migration';
export { IntakeSchemaMigration } from './infrastructure/intake-schema.migration';
export { KnownChildrenProjection } from './infrastructure/known-children.projection';
export { MeasurementRecord } from './infrastructure/measurement-record.entity';
export { WeightGainMigration } from './infrastructure/weight-gain.migration';
