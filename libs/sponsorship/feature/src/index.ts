export { SponsorshipModule } from './sponsorship.module';
export { SponsorshipSchemaMigration } from './infrastructure/sponsorship-schema.migration';
export { SponsorshipRecord } from './infrastructure/sponsorship-record.entity';
export { KnownChildrenProjection } from './infrastructure/known-children.projection';
export { GrowthProjection } from './infrastructure/growth.projection';
export { CareProjection } from './infrastructure/care.projection';
