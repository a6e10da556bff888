export { ReportingModule } from './reporting.module';
export { ReportingSchemaMigration } from './infrastructure/reporting-schema.migration';
export { ReportingChildrenProjection } from './infrastructure/children.projection';
export { ReportingMeasurementsProjection } from './infrastructure/measurements.projection';
export { TimelineProjection } from './infrastructure/timeline.projection';
export { ReportingCareMigration } from './infrastructure/care-schema.migration';
export { ReportingSponsorshipsProjection } from './infrastructure/sponsorships.projection';
export { ReportingConfig } from './reporting-config';
