import { ReportingCareMigration } from './care-schema.migration';
import { ReportingChildStatusMigration } from './child-status.migration';
import {
  ReportingPrevalenceAggregateMigration,
  ReportingPrevalenceByPosyanduMigration,
  ReportingPrevalenceCountRowsMigration,
  ReportingPrevalenceCountsInPlaceMigration,
} from './prevalence-aggregate.migration';
import { ReportingPosyanduMigration } from '../posyandu/posyandu.migration';
import { ReportingSchemaMigration } from './reporting-schema.migration';
import { ReportingSkdnBalitaMigration, ReportingSkdnMigration } from '../skdn/skdn.migration';
import {
  ReportingTimelineEnvelopeLessColumnsMigration,
  ReportingTimelineJsonMigration,
  ReportingTimelineTextMigration,
} from './timeline-json.migration';

/** Reporting's migrations, in order: the service runs them, and the benchmark installs its schema with them. */
export const REPORTING_MIGRATIONS = [
  ReportingSchemaMigration,
  ReportingCareMigration,
  ReportingPrevalenceAggregateMigration,
  ReportingPrevalenceCountsInPlaceMigration,
  ReportingTimelineJsonMigration,
  ReportingTimelineTextMigration,
  ReportingPrevalenceCountRowsMigration,
  ReportingTimelineEnvelopeLessColumnsMigration,
  ReportingChildStatusMigration,
  ReportingPosyanduMigration,
  ReportingSkdnMigration,
  ReportingPrevalenceByPosyanduMigration,
  ReportingSkdnBalitaMigration,
];
