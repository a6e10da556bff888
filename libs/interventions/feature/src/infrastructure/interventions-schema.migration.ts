import { Migration } from '@mikro-orm/migrations';

/**
 * The intervention service's tables beside the event store: what it knows of each child and its measurements (from
 * the identity and intake events, for the case rules), and the read models of its own case and intervention streams.
 */
export const interventionsSchemaSql = `
CREATE TABLE interventions_children (
  child_id uuid PRIMARY KEY,
  birth_date date NOT NULL,
  village_code text NOT NULL,
  district_code text NOT NULL,
  regency_code text NOT NULL,
  status text NOT NULL,
  died_on date,
  merged_into uuid,
  last_measured_on date
);

CREATE TABLE interventions_measurements (
  measurement_id uuid PRIMARY KEY,
  child_id uuid NOT NULL,
  measured_on date NOT NULL,
  status text NOT NULL,
  height_for_age_code text,
  height_for_age_flagged boolean NOT NULL,
  weight_for_height_code text,
  weight_for_height_flagged boolean NOT NULL,
  oedema boolean NOT NULL,
  -- The order measurements were first recorded in: of two measured on one day, the later recorded counts.
  arrival bigint GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX interventions_measurements_child_idx ON interventions_measurements (child_id);

CREATE TABLE interventions_cases (
  case_id uuid PRIMARY KEY,
  child_id uuid NOT NULL,
  type text NOT NULL,
  status text NOT NULL,
  severity text NOT NULL,
  urgent boolean NOT NULL,
  triggering_measurement_id uuid NOT NULL,
  opened_on date NOT NULL,
  closed_on date,
  close_reason text,
  closing_measurement_id uuid,
  regency_code text NOT NULL,
  district_code text NOT NULL,
  village_code text NOT NULL,
  regency_history text[] NOT NULL,
  stream_version integer NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX interventions_cases_child_idx ON interventions_cases (child_id);
CREATE INDEX interventions_cases_regency_idx ON interventions_cases (regency_code, status, type);
-- One open case per child and type, whatever the code deciding it.
CREATE UNIQUE INDEX interventions_cases_one_open_idx ON interventions_cases (child_id, type) WHERE status = 'open';

CREATE TABLE interventions_interventions (
  intervention_id uuid PRIMARY KEY,
  child_id uuid NOT NULL,
  case_id uuid,
  type text NOT NULL,
  category text NOT NULL,
  status text NOT NULL,
  planned_on date,
  delivered_on date,
  provider text NOT NULL,
  quantity double precision NOT NULL,
  unit text NOT NULL,
  funding_source text NOT NULL,
  sponsorship_id uuid,
  notes text,
  cancel_reason text,
  regency_code text NOT NULL,
  stream_version integer NOT NULL,
  recorded_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX interventions_interventions_child_idx ON interventions_interventions (child_id);
`;

export class InterventionsSchemaMigration extends Migration {
  override name = '20261122000300-interventions';

  override up(): void {
    this.addSql(interventionsSchemaSql);
  }
}
