import { Migration } from '@mikro-orm/migrations';
import { BUILD_PREVALENCE_COUNTS_SQL } from './prevalence-aggregate';

/**
 * The prevalence aggregate (prevalence-aggregate.ts): children counted per period, indicator, age group, village,
 * puskesmas and class, and per regency, kept by the projections. ReportingPrevalenceCountRowsMigration later made the
 * cells count rows and builds them from the versions and merges the service already holds. Codes are compared
 * byte-wise (COLLATE "C") so a region prefix is an index range. No CHECK on children: an upsert proposes the delta
 * itself (negative) as the new row before it finds the existing one.
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
 * The cells become count rows: one per period, age group and place, with a vector of children per indicator, class
 * and flag (cell-codes.ts: countSlot) instead of a row per indicator and class, a third of the rows to store, index
 * and move, keyed by the numbers of cell-codes.ts (a key over text columns took four times as long to build). The
 * cells are dropped here; ReportingPrevalenceByPosyanduMigration, which follows, creates the count rows (with the
 * posyandu in their key since) and builds them.
 */
export class ReportingPrevalenceCountRowsMigration extends Migration {
  override name = '20261203200000-reporting-prevalence-count-rows';

  override up(): void {
    this.addSql(`
DROP TABLE reporting_prevalence_counts;
TRUNCATE reporting_prevalence_regency_counts;
`);
  }
}

/**
 * Prevalence by posyandu (issue #26): each measurement version keeps the posyandu it was taken at ('' for none, as
 * the SKDN projection names it), and the count rows gain it in their key, so a report groups by posyandu like any
 * other place. Versions stored before hold '': `npm run rebuild -- reporting` reads them again from the event
 * stores with their posyandu. The count rows are created anew and built from the versions and merges stored.
 */
export class ReportingPrevalenceByPosyanduMigration extends Migration {
  override name = '20261206080000-reporting-prevalence-by-posyandu';

  override up(): void {
    this.addSql(`
ALTER TABLE reporting_measurement_versions ADD COLUMN posyandu_code text COLLATE "C" NOT NULL DEFAULT '';
DROP TABLE IF EXISTS reporting_prevalence_counts;
CREATE TABLE reporting_prevalence_counts (
  period integer NOT NULL,
  age_group smallint NOT NULL,
  regency_code text COLLATE "C" NOT NULL,
  district_code text COLLATE "C" NOT NULL,
  village_code text COLLATE "C" NOT NULL,
  puskesmas_code text COLLATE "C" NOT NULL,
  posyandu_code text COLLATE "C" NOT NULL,
  children integer[] NOT NULL,
  PRIMARY KEY (period, age_group, village_code, puskesmas_code, posyandu_code, district_code, regency_code)
) WITH (fillfactor = 80);
TRUNCATE reporting_prevalence_regency_counts;
${BUILD_PREVALENCE_COUNTS_SQL}
`);
  }
}
