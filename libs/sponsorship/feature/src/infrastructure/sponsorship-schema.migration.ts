import { Migration } from '@mikro-orm/migrations';

/**
 * Sponsorship's tables beside the event store:
 * - sponsors' personal data (name, contact), sealed with each sponsor's own data key, and every read of it;
 * - the sponsors, sponsorships and contributions read models (inline projections of the service's own streams);
 * - its copies of the children, their growth, cases and interventions (from the identity, intake and
 *   interventions topics): what the portal and the candidates list are built from, never a call per request.
 */
export class SponsorshipSchemaMigration extends Migration {
  override name = '20261122000100-sponsorship';

  override up(): void {
    this.addSql(`
CREATE TABLE sponsorship_data_keys (
  subject_id text PRIMARY KEY,
  wrapped_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sponsorship_sponsor_personal_data (
  sponsor_id uuid NOT NULL,
  version integer NOT NULL,
  sealed text NOT NULL,
  hash text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sponsor_id, version)
);

-- Append-only: who read which sponsor's personal data, when, through which route.
CREATE TABLE sponsorship_personal_data_reads (
  id bigserial PRIMARY KEY,
  sponsor_id uuid NOT NULL,
  actor jsonb NOT NULL,
  endpoint text NOT NULL,
  read_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sponsorship_personal_data_reads_sponsor_idx ON sponsorship_personal_data_reads (sponsor_id, read_at);

CREATE TABLE sponsorship_sponsors (
  sponsor_id uuid PRIMARY KEY,
  type text NOT NULL,
  regency_code text NOT NULL,
  personal_data_version integer NOT NULL,
  registered_at timestamptz NOT NULL
);

CREATE TABLE sponsorship_sponsorships (
  sponsorship_id uuid PRIMARY KEY,
  child_id uuid NOT NULL,
  sponsor_id uuid NOT NULL,
  regency_code text NOT NULL,
  kind text NOT NULL,
  description text NOT NULL,
  amount_idr integer,
  start_on date NOT NULL,
  months integer NOT NULL,
  agreement_ref text NOT NULL,
  ended_on date,
  end_cause text,
  pledged_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX sponsorship_sponsorships_regency_idx ON sponsorship_sponsorships (regency_code, start_on);
CREATE INDEX sponsorship_sponsorships_sponsor_idx ON sponsorship_sponsorships (sponsor_id);
CREATE INDEX sponsorship_sponsorships_child_idx ON sponsorship_sponsorships (child_id);

CREATE TABLE sponsorship_contributions (
  contribution_id uuid PRIMARY KEY,
  sponsorship_id uuid NOT NULL,
  date date NOT NULL,
  amount_idr integer,
  items jsonb,
  evidence_ref text,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX sponsorship_contributions_sponsorship_idx ON sponsorship_contributions (sponsorship_id, date);

-- What the sponsor reads when a sponsorship ends or follows the child elsewhere.
CREATE TABLE sponsorship_notices (
  event_id uuid PRIMARY KEY,
  sponsorship_id uuid NOT NULL,
  kind text NOT NULL,
  on_date date NOT NULL,
  notice text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX sponsorship_notices_sponsorship_idx ON sponsorship_notices (sponsorship_id);

CREATE TABLE sponsorship_known_children (
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
CREATE INDEX sponsorship_known_children_merged_idx ON sponsorship_known_children (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE sponsorship_growth (
  measurement_id uuid PRIMARY KEY,
  child_id uuid NOT NULL,
  status text NOT NULL,
  measured_on date NOT NULL,
  age_days integer NOT NULL,
  z_scores jsonb NOT NULL,
  classifications jsonb NOT NULL,
  flags jsonb NOT NULL
);
CREATE INDEX sponsorship_growth_child_idx ON sponsorship_growth (child_id, measured_on);

CREATE TABLE sponsorship_cases (
  case_id uuid PRIMARY KEY,
  child_id uuid NOT NULL,
  type text NOT NULL,
  severity text NOT NULL,
  status text NOT NULL,
  opened_on date NOT NULL,
  closed_on date,
  close_reason text,
  regency_code text NOT NULL,
  district_code text NOT NULL,
  village_code text NOT NULL
);
CREATE INDEX sponsorship_cases_open_idx ON sponsorship_cases (district_code, opened_on) WHERE status = 'open';
CREATE INDEX sponsorship_cases_child_idx ON sponsorship_cases (child_id);

CREATE TABLE sponsorship_interventions (
  intervention_id uuid PRIMARY KEY,
  child_id uuid NOT NULL,
  type text NOT NULL,
  category text NOT NULL,
  status text NOT NULL,
  delivered_on date
);
CREATE INDEX sponsorship_interventions_child_idx ON sponsorship_interventions (child_id);
`);
  }
}
