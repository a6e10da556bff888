import { Migration } from '@mikro-orm/migrations';
import { ReportingCareMigration } from './care-schema.migration';
import { BUILD_PREVALENCE_COUNTS_SQL } from './prevalence-aggregate';
import { ReportingSchemaMigration } from './reporting-schema.migration';
import { ReportingTimelineJsonMigration, ReportingTimelineTextMigration } from './timeline-json.migration';

/**
 * The prevalence aggregate (prevalence-aggregate.ts): children counted per period, indicator, age group, village,
 * puskesmas and class, and per regency, kept by the projections (built from the versions and merges the service
 * already holds by ReportingPrevalenceCellNumbersMigration, which retyped the cells). Codes are compared byte-wise (COLLATE "C") so a region prefix is an index range. No CHECK
 * on children: an upsert proposes the delta itself (negative) as the new row before it finds the existing one.
 */
export class ReportingPrevalenceAggregateMigration extends Migration {
  override name = '20261123000100-reporting-prevalence-aggregate';

  override up(): void {
    this.addSql(`
CREATE TABLE reporting_prevalence_counts (
  period text COLLATE "C" NOT NULL,
  indicator text NOT NULL,
  age_group text NOT NULL,
  regency_code text COLLATE "C" NOT NULL,
  district_code text COLLATE "C" NOT NULL,
  village_code text COLLATE "C" NOT NULL,
  puskesmas_code text COLLATE "C" NOT NULL,
  class text NOT NULL,
  flagged boolean NOT NULL,
  children integer NOT NULL,
  PRIMARY KEY (period, indicator, age_group, village_code, puskesmas_code, class, flagged, district_code, regency_code)
);
CREATE INDEX reporting_prevalence_counts_empty_idx ON reporting_prevalence_counts (period) WHERE children = 0;

CREATE TABLE reporting_prevalence_regency_counts (
  period text COLLATE "C" NOT NULL,
  indicator text NOT NULL,
  age_group text NOT NULL,
  regency_code text COLLATE "C" NOT NULL,
  class text NOT NULL,
  flagged boolean NOT NULL,
  children integer NOT NULL,
  PRIMARY KEY (period, indicator, age_group, regency_code, class, flagged)
);
CREATE INDEX reporting_prevalence_regency_counts_empty_idx ON reporting_prevalence_regency_counts (period) WHERE children = 0;

-- A child's measurements, and the records merged into a child: what an event can change in the aggregate.
CREATE INDEX reporting_measurement_versions_child_idx ON reporting_measurement_versions (child_id);
CREATE INDEX reporting_merges_into_idx ON reporting_merges (into_child_id) WHERE unmerged_at IS NULL;
`);
  }
}

/**
 * The counts change in place all the time: their updates stay on their page (HOT) only if no index covers the
 * count, and the page has room. The indexes of empty cells covered it (their predicate reads it); empty cells are
 * now deleted by their keys where a change empties them.
 */
export class ReportingPrevalenceCountsInPlaceMigration extends Migration {
  override name = '20261201000100-reporting-prevalence-counts-in-place';

  override up(): void {
    this.addSql(`
DROP INDEX IF EXISTS reporting_prevalence_counts_empty_idx;
DROP INDEX IF EXISTS reporting_prevalence_regency_counts_empty_idx;
ALTER TABLE reporting_prevalence_counts SET (fillfactor = 80);
ALTER TABLE reporting_prevalence_regency_counts SET (fillfactor = 80);
`);
  }
}

/**
 * The cells store period, indicator, age group and class as the numbers of cell-codes.ts: their key over those and
 * the place codes builds four times as fast as over text (a rebuild builds it over millions of cells). The counts are
 * emptied, retyped and built again from the versions and merges stored, as a rebuild would.
 */
export class ReportingPrevalenceCellNumbersMigration extends Migration {
  override name = '20261203180000-reporting-prevalence-cell-numbers';

  override up(): void {
    this.addSql(`
TRUNCATE reporting_prevalence_counts, reporting_prevalence_regency_counts;
ALTER TABLE reporting_prevalence_counts DROP CONSTRAINT reporting_prevalence_counts_pkey;
ALTER TABLE reporting_prevalence_counts
  ALTER COLUMN period TYPE integer USING period::integer,
  ALTER COLUMN indicator TYPE smallint USING indicator::smallint,
  ALTER COLUMN age_group TYPE smallint USING age_group::smallint,
  ALTER COLUMN class TYPE smallint USING class::smallint;
ALTER TABLE reporting_prevalence_counts ADD CONSTRAINT reporting_prevalence_counts_pkey
  PRIMARY KEY (period, indicator, age_group, village_code, puskesmas_code, class, flagged, district_code, regency_code);
${BUILD_PREVALENCE_COUNTS_SQL}
`);
  }
}

/** Reporting's migrations, in order: the service runs them, and the benchmark installs its schema with them. */
export const REPORTING_MIGRATIONS = [
  ReportingSchemaMigration,
  ReportingCareMigration,
  ReportingPrevalenceAggregateMigration,
  ReportingPrevalenceCountsInPlaceMigration,
  ReportingTimelineJsonMigration,
  ReportingTimelineTextMigration,
  ReportingPrevalenceCellNumbersMigration,
];
