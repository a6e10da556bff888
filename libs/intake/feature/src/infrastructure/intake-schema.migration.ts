import { Migration } from '@mikro-orm/migrations';

/**
 * Intake's tables beside the event store: its copy of the children (from identity's events), the measurements
 * read model (an inline projection of the measurement streams) and the integrations' own record ids.
 */
export class IntakeSchemaMigration extends Migration {
  override name = '20261122000100-intake';

  override up(): void {
    this.addSql(`
CREATE TABLE intake_known_children (
  child_id uuid PRIMARY KEY,
  sex text NOT NULL,
  birth_date date NOT NULL,
  village_code text NOT NULL,
  district_code text NOT NULL,
  regency_code text NOT NULL,
  status text NOT NULL,
  died_on date,
  merged_into uuid
);

CREATE TABLE intake_measurements (
  measurement_id uuid PRIMARY KEY,
  child_id uuid NOT NULL,
  stream_version integer NOT NULL,
  status text NOT NULL,
  measured_on date NOT NULL,
  regency_code text NOT NULL,
  measurement jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX intake_measurements_child_idx ON intake_measurements (child_id, measured_on);

CREATE TABLE intake_source_records (
  caller text NOT NULL,
  source_record_id text NOT NULL,
  measurement_id uuid NOT NULL,
  PRIMARY KEY (caller, source_record_id)
);
`);
  }
}
