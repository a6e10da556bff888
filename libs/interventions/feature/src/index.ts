export { InterventionsModule } from './interventions.module';
export { InterventionsSchemaMigration } from './infrastructure/interventions-schema.migration';
export { InterventionsWeightGainMigration } from './infrastructure/weight-gain-facts.migration';
export { CaseTrackerProjection } from './infrastructure/case-tracker.projection';
export { InterventionRecord } from './infrastructure/intervention-record.entity';
