import { Migration } from '@mikro-orm/migrations';

/**
 * Identity's own tables beside the event store:
 * - personal data versions, sealed with the child's data key (never in events or on Kafka);
 * - the children read model (an inline projection, rebuilt from the events and the sealed versions).
 */
export class IdentitySchemaMigration extends Migration {
  override name = '20261122000100-identity';

  override up(): void {
    this.addSql(`
CREATE TABLE identity_data_keys (
  subject_id text PRIMARY KEY,
  wrapped_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE identity_personal_data (
  child_id uuid NOT NULL,
  version integer NOT NULL,
  sealed text NOT NULL,
  hash text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (child_id, version)
);

CREATE TABLE identity_children (
  child_id uuid PRIMARY KEY,
  stream_version integer NOT NULL,
  status text NOT NULL,
  sex text NOT NULL,
  birth_date date NOT NULL,
  birth_weight_grams integer,
  birth_length_cm numeric(4,1),
  has_nik boolean NOT NULL,
  village_code text NOT NULL,
  district_code text NOT NULL,
  regency_code text NOT NULL,
  personal_data_version integer NOT NULL,
  nik_lookup text,
  family_card_lookup text,
  name_lookup text,
  mother_name_lookup text,
  died_on date,
  merged_into uuid,
  registered_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- One active record per NIK: a second registration fails inside its own transaction.
CREATE UNIQUE INDEX identity_children_nik_key ON identity_children (nik_lookup) WHERE nik_lookup IS NOT NULL AND status <> 'merged';
CREATE INDEX identity_children_village_idx ON identity_children (village_code);
CREATE INDEX identity_children_regency_idx ON identity_children (regency_code, birth_date);

`);
  }
}

/**
 * The duplicate finder's one key (list-duplicates.handler.ts), name and birth date, as a 64-bit hash kept with the
 * record and indexed per regency: the keys shared by two records are counted by an index-only scan in key order,
 * without reading, hashing or sorting the regency's records per request. `birth_date - DATE '2000-01-01'` (days)
 * seeds the hash because a date's text form depends on DateStyle, which a stored column may not.
 */
export class IdentityNameBirthKeyMigration extends Migration {
  override name = '20261206030000-identity-name-birth-key';

  override up(): void {
    this.addSql(`
ALTER TABLE identity_children
  ADD COLUMN name_birth_key bigint GENERATED ALWAYS AS (hashtextextended(name_lookup, birth_date - DATE '2000-01-01')) STORED;
CREATE INDEX identity_children_name_birth_key_idx ON identity_children (regency_code, name_birth_key)
  WHERE status <> 'merged' AND name_lookup IS NOT NULL;
`);
  }
}
