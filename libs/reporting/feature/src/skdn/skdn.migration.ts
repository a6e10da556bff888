import { Migration } from '@mikro-orm/migrations';
import { CURRENT_OF_ALL } from './skdn-sql';
import { countSql } from './skdn.projection';

/**
 * SKDN and incidence (issue #26, skdn.projection.ts): every version of every measurement with its place, judgement
 * and classes, stamped with when the registry learned it (for `asOf`); the merges as this projection learned them;
 * the weighing each child counts with per month now, the months it was at risk of becoming a case, where each child
 * lives; and the counts per month and place kept from those. Codes compare byte-wise
 * (COLLATE "C") so a region prefix is an index range.
 */
export class ReportingSkdnMigration extends Migration {
  override name = '20261206040000-reporting-skdn';

  override up(): void {
    this.addSql(`
CREATE TABLE reporting_skdn_weighings (
  measurement_id uuid NOT NULL,
  version integer NOT NULL,
  child_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  voided boolean NOT NULL,
  weighed boolean NOT NULL,
  measured_on date NOT NULL,
  regency_code text COLLATE "C" NOT NULL,
  district_code text COLLATE "C" NOT NULL,
  village_code text COLLATE "C" NOT NULL,
  puskesmas_code text COLLATE "C" NOT NULL,
  posyandu_code text COLLATE "C",
  judgement text,
  consecutive_t integer NOT NULL,
  bgm boolean NOT NULL,
  age_days integer NOT NULL,
  haz_class text, haz_flag boolean NOT NULL,
  whz_class text, whz_flag boolean NOT NULL,
  waz_class text, waz_flag boolean NOT NULL,
  PRIMARY KEY (measurement_id, version)
);
CREATE INDEX reporting_skdn_weighings_child_idx ON reporting_skdn_weighings (child_id, measured_on);
CREATE INDEX reporting_skdn_weighings_month_idx ON reporting_skdn_weighings (regency_code, measured_on);

CREATE TABLE reporting_skdn_merges (
  child_id uuid NOT NULL,
  into_child_id uuid NOT NULL,
  merged_at timestamptz NOT NULL,
  unmerged_at timestamptz,
  PRIMARY KEY (child_id, merged_at)
);
CREATE INDEX reporting_skdn_merges_into_idx ON reporting_skdn_merges (into_child_id) WHERE unmerged_at IS NULL;

CREATE TABLE reporting_skdn_chosen (
  child_id uuid NOT NULL,
  month integer NOT NULL,
  measurement_id uuid NOT NULL,
  regency_code text COLLATE "C" NOT NULL,
  district_code text COLLATE "C" NOT NULL,
  village_code text COLLATE "C" NOT NULL,
  puskesmas_code text COLLATE "C" NOT NULL,
  posyandu_code text COLLATE "C" NOT NULL,
  judgement text,
  consecutive_t integer NOT NULL,
  bgm boolean NOT NULL,
  PRIMARY KEY (child_id, month)
);

-- posyandu_code '' for weighings without one (a key column cannot be null).
CREATE TABLE reporting_skdn_counts (
  month integer NOT NULL,
  regency_code text COLLATE "C" NOT NULL,
  district_code text COLLATE "C" NOT NULL,
  village_code text COLLATE "C" NOT NULL,
  puskesmas_code text COLLATE "C" NOT NULL,
  posyandu_code text COLLATE "C" NOT NULL,
  weighed integer NOT NULL,
  n integer NOT NULL,
  t integer NOT NULL,
  two_t integer NOT NULL,
  o integer NOT NULL,
  b integer NOT NULL,
  bgm integer NOT NULL,
  PRIMARY KEY (month, regency_code, district_code, village_code, puskesmas_code, posyandu_code)
) WITH (fillfactor = 80);

-- Incidence: each month a child was at risk of becoming a case of an indicator (numbered as cell-codes.ts numbers
-- them), where, and whether it became one; and the counts per month and place kept from those.
CREATE TABLE reporting_incidence_at_risk (
  child_id uuid NOT NULL,
  indicator smallint NOT NULL,
  month integer NOT NULL,
  onset boolean NOT NULL,
  regency_code text COLLATE "C" NOT NULL,
  district_code text COLLATE "C" NOT NULL,
  village_code text COLLATE "C" NOT NULL,
  puskesmas_code text COLLATE "C" NOT NULL,
  posyandu_code text COLLATE "C" NOT NULL,
  PRIMARY KEY (child_id, indicator, month)
);

CREATE TABLE reporting_incidence_counts (
  month integer NOT NULL,
  indicator smallint NOT NULL,
  regency_code text COLLATE "C" NOT NULL,
  district_code text COLLATE "C" NOT NULL,
  village_code text COLLATE "C" NOT NULL,
  puskesmas_code text COLLATE "C" NOT NULL,
  posyandu_code text COLLATE "C" NOT NULL,
  at_risk integer NOT NULL,
  onsets integer NOT NULL,
  PRIMARY KEY (indicator, month, regency_code, district_code, village_code, puskesmas_code, posyandu_code)
) WITH (fillfactor = 80);

-- K: each child's residence as this projection learned it, and the children per desa, birth month (born on its
-- first day or not: isBalitaIn's edge) and month of death (999999 while alive), merged records left out.
CREATE TABLE reporting_skdn_residents (
  child_id uuid PRIMARY KEY,
  birth_date date NOT NULL,
  died_on date,
  merged boolean NOT NULL,
  regency_code text COLLATE "C" NOT NULL,
  district_code text COLLATE "C" NOT NULL,
  village_code text COLLATE "C" NOT NULL,
  registered_at timestamptz NOT NULL
);
CREATE INDEX reporting_skdn_residents_place_idx ON reporting_skdn_residents (regency_code, village_code);

CREATE TABLE reporting_resident_counts (
  regency_code text COLLATE "C" NOT NULL,
  district_code text COLLATE "C" NOT NULL,
  village_code text COLLATE "C" NOT NULL,
  birth_month integer NOT NULL,
  first_day boolean NOT NULL,
  died_month integer NOT NULL,
  children integer NOT NULL,
  PRIMARY KEY (regency_code, district_code, village_code, birth_month, first_day, died_month)
) WITH (fillfactor = 80);
`);
  }
}

/**
 * D, N, T… count the balita of the month only, as S and K do (POSYANDU.md: "over balita (0–59 months)"): intake
 * takes weighings up to 1856 days, and a child past 59 months on the month's first day was counted. The chosen
 * weighings and their counts are made again from the versions and merges stored.
 */
export class ReportingSkdnBalitaMigration extends Migration {
  override name = '20261206090000-reporting-skdn-balita';

  override up(): void {
    this.addSql(`
TRUNCATE reporting_skdn_chosen, reporting_skdn_counts;
${countSql(CURRENT_OF_ALL)};
`);
  }
}
