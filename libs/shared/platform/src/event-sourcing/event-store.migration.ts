import { Migration } from '@mikro-orm/migrations';
import { consumerSchemaSql, eventStoreSchemaSql } from '@registry/event-store';

/** The event store, relay checkpoint and consumer bookkeeping tables: the first migration of every service. */
export class EventStoreMigration extends Migration {
  override name = '20261122000000-event-store';

  override up(): void {
    this.addSql(eventStoreSchemaSql);
    this.addSql(consumerSchemaSql);
  }
}
