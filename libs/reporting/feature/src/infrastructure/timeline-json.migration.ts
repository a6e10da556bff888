import { Migration } from '@mikro-orm/migrations';

/**
 * The timeline keeps each envelope as the JSON text it was given (json, not jsonb): it is only ever read back whole,
 * and parsing every envelope into jsonb on the way in was a third of the database's work in a rebuild.
 */
export class ReportingTimelineJsonMigration extends Migration {
  override name = '20261202000100-reporting-timeline-json';

  override up(): void {
    this.addSql(`ALTER TABLE reporting_timeline ALTER COLUMN envelope TYPE json USING envelope::json;`);
  }
}

/**
 * Then as plain text: the timeline writes only envelopes it serialised itself, and reads them back whole, so the
 * database's JSON check on the way in bought nothing; it was a third of the cost of COPYing the rows in a rebuild.
 */
export class ReportingTimelineTextMigration extends Migration {
  override name = '20261203120000-reporting-timeline-text';

  override up(): void {
    this.addSql(`ALTER TABLE reporting_timeline ALTER COLUMN envelope TYPE text USING envelope::text;`);
  }
}
