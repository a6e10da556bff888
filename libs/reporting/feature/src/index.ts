export { ReportingModule } from './reporting.module';
export { ReportingSchemaMigration } from './infrastructure/reporting-schema.migration';
export { ReportingChildrenProjection } from './infrastructure/children.projection';
export { ReportingMeasurementsProjection } from './infrastructure/measurements.projection';
export { TimelineProjection } from './infrastructure/timeline.projection';
export { ReportingCareMigration } from './infrastructure/care-schema.migration';
export {
  ReportingTimelineJsonMigration,
  ReportingTimelineTextMigration,
} from './infrastructure/timeline-json.migration';
export { ReportingSponsorshipsProjection } from './infrastructure/sponsorships.projection';
export { ReportingConfig } from './reporting-config';
export {
  ReportingPrevalenceAggregateMigration,
  ReportingPrevalenceCountsInPlaceMigration,
} from './infrastructure/prevalence-aggregate.migration';
export { buildPrevalenceCounts, PREVALENCE_COUNT_TABLES } from './infrastructure/prevalence-aggregate';
export { PrevalenceQuery, type PrevalenceRequest, type PrevalenceRow } from './reports/prevalence.query';
