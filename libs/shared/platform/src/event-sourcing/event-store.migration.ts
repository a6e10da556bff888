import { Migration } from '@mikro-orm/migrations';
import {
  consumerSchemaSql,
  eventStoreAppendUpgradeSql,
  eventStoreSchemaSql,
  kafkaClusterIdsSql,
  rebuildProgressSql,
  rebuildWatermarksSql,
} from '@registry/event-store';

/** The event store, relay checkpoint and consumer bookkeeping tables: the first migration of every service. */
export class EventStoreMigration extends Migration {
  override name = '20261122000000-event-store';

  override up(): void {
    this.addSql(eventStoreSchemaSql);
    this.addSql(consumerSchemaSql);
  }
}

/** es_append takes the events as one JSON document instead of an array per field (see schema.ts). */
export class EventStoreJsonAppendMigration extends Migration {
  override name = '20261201000000-event-store-json-append';

  override up(): void {
    this.addSql(eventStoreAppendUpgradeSql);
  }
}

/** Rebuilds record how far they read each source instead of claiming every event (see schema.ts). */
export class EventStoreRebuildWatermarksMigration extends Migration {
  override name = '20261203000000-rebuild-watermarks';

  override up(): void {
    this.addSql(rebuildWatermarksSql);
  }
}

/** Checkpoints and offsets name the Kafka cluster they are true of (see schema.ts). */
export class EventStoreKafkaClusterMigration extends Migration {
  override name = '20261204190000-kafka-cluster-ids';

  override up(): void {
    this.addSql(kafkaClusterIdsSql);
  }
}

/** Rebuilds record their progress for /metrics (see schema.ts). */
export class EventStoreRebuildProgressMigration extends Migration {
  override name = '20261207000000-rebuild-progress';

  override up(): void {
    this.addSql(rebuildProgressSql);
  }
}

/** The event store's migrations, in order: every service lists them first. */
export const EVENT_STORE_MIGRATIONS = [
  EventStoreMigration,
  EventStoreJsonAppendMigration,
  EventStoreRebuildWatermarksMigration,
  EventStoreKafkaClusterMigration,
  EventStoreRebuildProgressMigration,
];
