export { SponsorshipModule } from './sponsorship.module';
export { SponsorshipGrowthWeightGainMigration } from './infrastructure/growth-weight-gain.migration';
export { SponsorshipSchemaMigration } from './infrastructure/sponsorship-schema.migration';
export { SponsorshipRecord } from './infrastructure/sponsorship-record.entity';
export { KnownChildrenProjection } from './infrastructure/known-children.projection';
export { GrowthProjection } from './infrastructure/growth.projection';
export { CareProjection } from './infrastructure/care.projection';
