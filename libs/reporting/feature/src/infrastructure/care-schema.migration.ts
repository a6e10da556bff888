import { Migration } from '@mikro-orm/migrations';

/** Which children have an active Orang Tua Asuh, from the sponsorship service's events. */
export class ReportingCareMigration extends Migration {
  override name = '20261122000200-reporting-care';

  override up(): void {
    this.addSql(`
CREATE TABLE reporting_sponsorships (
  sponsorship_id uuid PRIMARY KEY,
  child_id uuid NOT NULL,
  status text NOT NULL,
  start_on date NOT NULL,
  months integer NOT NULL
);
CREATE INDEX reporting_sponsorships_child_idx ON reporting_sponsorships (child_id);
`);
  }
}
