export { ReportingModule } from './reporting.module';
export { ReportingChildrenProjection } from './infrastructure/children.projection';
export { ReportingMeasurementsProjection } from './infrastructure/measurements.projection';
export { TimelineProjection } from './infrastructure/timeline.projection';
export { ReportingSponsorshipsProjection } from './infrastructure/sponsorships.projection';
export { ReportingConfig } from './reporting-config';
export { REPORTING_MIGRATIONS } from './infrastructure/reporting-migrations';
export { buildPrevalenceCounts, PREVALENCE_COUNT_TABLES } from './infrastructure/prevalence-aggregate';
export { PrevalenceQuery, type PrevalenceRequest, type PrevalenceRow } from './reports/prevalence.query';
