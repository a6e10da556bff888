import type { Kafka } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import { KafkaCluster } from './kafka-cluster';
import { describeError, type Logger } from './logger';

/**
 * A consumer's offsets of record: stored with its projection, in the transaction that applied the messages, and
 * true only of the Kafka cluster named beside them. Kafka's own committed group offsets only speed up a restart.
 */
export interface MessagePosition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/** Moves forward within one cluster; a row of another cluster is replaced. */
export async function storeOffset(
  client: PoolClient,
  consumerName: string,
  position: MessagePosition,
  clusterId: string | null,
): Promise<void> {
  await client.query(
    `INSERT INTO es_consumer_offsets (consumer_name, topic, partition, "offset", cluster_id, updated_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (consumer_name, topic, partition) DO UPDATE
        SET "offset" = CASE WHEN es_consumer_offsets.cluster_id IS DISTINCT FROM EXCLUDED.cluster_id THEN EXCLUDED."offset"
                            ELSE GREATEST(es_consumer_offsets."offset", EXCLUDED."offset") END,
            cluster_id = EXCLUDED.cluster_id, updated_at = now()`,
    [consumerName, position.topic, position.partition, position.offset, clusterId],
  );
}

/** The consumer's stored offsets, by `topic:partition`: each the last message it handled there. */
export async function storedOffsets(pool: Pool, consumerName: string): Promise<Map<string, bigint>> {
  const { rows } = await pool.query<{ topic: string; partition: number; offset: string }>(
    'SELECT topic, partition, "offset"::text AS "offset" FROM es_consumer_offsets WHERE consumer_name = $1',
    [consumerName],
  );
  return new Map(rows.map((row) => [`${row.topic}:${row.partition}`, BigInt(row.offset)]));
}

/**
 * The cluster the consumer's stored offsets are of, checked before it starts and on every join of the group: a join
 * may be to another cluster (Kafka wiped and restarted under a running service), whose offsets start over.
 */
export class OffsetsCluster {
  private readonly cluster: KafkaCluster;
  private current: string | null = null;
  private lastCheck: Promise<void> = Promise.resolve();

  constructor(
    kafka: Kafka,
    private readonly pool: Pool,
    private readonly consumerName: string,
    private readonly logger: Logger,
  ) {
    this.cluster = new KafkaCluster(kafka);
  }

  /** The id stored beside the offsets the consumer writes; null before the first check. */
  get id(): string | null {
    return this.current;
  }

  /** The check started by the last join, never failing: fetched batches wait for it before they are applied. */
  get checked(): Promise<void> {
    return this.lastCheck;
  }

  /** Asks the brokers which cluster they are, and adopts it when it is another one; throws when none answers. */
  async check(): Promise<void> {
    const current = await this.cluster.id();
    if (current === this.current) return;
    await adoptCluster(this.pool, this.consumerName, current, this.logger);
    this.current = current;
  }

  /** Checks again after a join of the group, in the background: a failure is logged, the offsets kept as they are. */
  checkAfterJoin(): void {
    this.lastCheck = this.check().catch((error: unknown) =>
      this.logger.warn('projection consumer: cannot tell the Kafka cluster', {
        consumer: this.consumerName,
        ...describeError(error),
      }),
    );
  }

  close(): Promise<void> {
    return this.cluster.close();
  }
}

/**
 * Makes the stored offsets those of `clusterId`. Offsets of another cluster (wiped, replaced) are deleted: the
 * consumer reads the new cluster's topics from the beginning, and the events it applied already are skipped by
 * their claimed ids. Rows from before cluster ids were recorded are taken as this cluster's.
 */
export async function adoptCluster(pool: Pool, consumerName: string, clusterId: string, logger: Logger): Promise<void> {
  const { rows } = await pool.query<{ cluster_id: string; partitions: number }>(
    `SELECT cluster_id, count(*)::int AS partitions FROM es_consumer_offsets
      WHERE consumer_name = $1 AND cluster_id <> $2 GROUP BY cluster_id`,
    [consumerName, clusterId],
  );
  if (rows.length > 0) {
    const { rows: applied } = await pool.query<{ events: number }>(
      'SELECT count(*)::int AS events FROM es_processed_events WHERE consumer_name = $1',
      [consumerName],
    );
    logger.error('projection consumer: Kafka cluster replaced; reading its topics again from the beginning', {
      consumer: consumerName,
      previousCluster: rows[0].cluster_id,
      cluster: clusterId,
      partitionsForgotten: rows.reduce((sum, row) => sum + row.partitions, 0),
      eventsAppliedBefore: applied[0].events,
    });
    await pool.query('DELETE FROM es_consumer_offsets WHERE consumer_name = $1 AND cluster_id <> $2', [
      consumerName,
      clusterId,
    ]);
  }
  await pool.query('UPDATE es_consumer_offsets SET cluster_id = $2 WHERE consumer_name = $1 AND cluster_id IS NULL', [
    consumerName,
    clusterId,
  ]);
}

/**
 * Where Kafka's group offsets are ahead of the stored ones (the projection's database was dropped or restored from
 * a backup, the broker kept), the group is moved back to the stored offsets: otherwise it would skip the events the
 * database never had. Needs the group empty; a member still in it (another replica) is left as it is, with a warning.
 */
export async function alignGroupOffsets(
  kafka: Kafka,
  pool: Pool,
  consumerName: string,
  groupId: string,
  topics: readonly string[],
  logger: Logger,
): Promise<void> {
  const stored = await storedOffsets(pool, consumerName);
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const lows = new Map((await admin.fetchTopicOffsets(topic)).map(({ partition, low }) => [partition, low]));
      const behind = (committed?.partitions ?? [])
        .filter(({ partition, offset }) => BigInt(offset) > (stored.get(`${topic}:${partition}`) ?? -1n) + 1n)
        .map(({ partition }) => {
          const last = stored.get(`${topic}:${partition}`);
          return { partition, offset: last === undefined ? (lows.get(partition) ?? '0') : String(last + 1n) };
        });
      if (behind.length === 0) continue;
      logger.warn('projection consumer: Kafka group offsets ahead of the database; moving the group back', {
        consumer: consumerName,
        topic,
        partitions: behind.length,
      });
      await admin.setOffsets({ groupId, topic, partitions: behind }).catch((error: unknown) =>
        logger.warn('projection consumer: group offsets not moved (the group has members)', {
          consumer: consumerName,
          ...describeError(error),
        }),
      );
    }
  } finally {
    await admin.disconnect();
  }
}
