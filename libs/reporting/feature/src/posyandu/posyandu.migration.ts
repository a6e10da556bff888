import { Migration } from '@mikro-orm/migrations';

/**
 * The posyandu reference list (issue #26) as the TPPS keeps it: one row per code, written from the posyandu's events
 * in the transaction that appends them (posyandu-list.ts).
 */
export class ReportingPosyanduMigration extends Migration {
  override name = '20261206010000-reporting-posyandu';

  override up(): void {
    this.addSql(`
CREATE TABLE reporting_posyandu (
  code text PRIMARY KEY,
  name text NOT NULL,
  village_code text NOT NULL,
  district_code text NOT NULL,
  regency_code text NOT NULL,
  puskesmas_code text,
  updated_at timestamptz NOT NULL
);
CREATE INDEX reporting_posyandu_village_idx ON reporting_posyandu (regency_code, village_code);
`);
  }
}
