import { Migration } from '@mikro-orm/migrations';

/**
 * Reporting's projections: every table here is rebuilt from the other services' events.
 * Measurement versions keep each version with the instant the registry learned it (recorded_at), so a figure
 * can be regenerated exactly as it was known at any moment (`asOf`).
 */
export class ReportingSchemaMigration extends Migration {
  override name = '20261122000100-reporting';

  override up(): void {
    this.addSql(`
CREATE TABLE reporting_children (
  child_id uuid PRIMARY KEY,
  sex text NOT NULL,
  birth_date date NOT NULL,
  village_code text NOT NULL,
  district_code text NOT NULL,
  regency_code text NOT NULL,
  status text NOT NULL,
  died_on date,
  registered_at timestamptz NOT NULL
);
CREATE INDEX reporting_children_regency_idx ON reporting_children (regency_code, district_code);

-- Merges as the registry learned them: a child counts once, under its surviving record, from merged_at on.
CREATE TABLE reporting_merges (
  child_id uuid NOT NULL,
  into_child_id uuid NOT NULL,
  merged_at timestamptz NOT NULL,
  unmerged_at timestamptz,
  PRIMARY KEY (child_id, merged_at)
);

CREATE TABLE reporting_measurement_versions (
  measurement_id uuid NOT NULL,
  version integer NOT NULL,
  child_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  voided boolean NOT NULL,
  measured_on date NOT NULL,
  age_days integer NOT NULL,
  village_code text NOT NULL,
  district_code text NOT NULL,
  regency_code text NOT NULL,
  puskesmas_code text NOT NULL,
  oedema boolean NOT NULL,
  haz numeric(5,2), haz_class text, haz_flag boolean NOT NULL,
  whz numeric(5,2), whz_class text, whz_flag boolean NOT NULL,
  waz numeric(5,2), waz_class text, waz_flag boolean NOT NULL,
  PRIMARY KEY (measurement_id, version)
);
CREATE INDEX reporting_measurement_versions_period_idx ON reporting_measurement_versions (measured_on, regency_code);

CREATE TABLE reporting_targets (
  region_code text NOT NULL,
  year integer NOT NULL,
  target_population integer,
  target_prevalence_pct numeric(5,2),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_code, year)
);

-- Every event of every service about a child, as published: the child's auditable history.
CREATE TABLE reporting_timeline (
  event_id uuid PRIMARY KEY,
  child_id uuid NOT NULL,
  topic text NOT NULL,
  stream_id text NOT NULL,
  stream_version integer NOT NULL,
  recorded_at timestamptz NOT NULL,
  envelope jsonb NOT NULL
);
CREATE INDEX reporting_timeline_child_idx ON reporting_timeline (child_id, recorded_at);
CREATE INDEX reporting_timeline_stream_idx ON reporting_timeline (stream_id, stream_version);
`);
  }
}
