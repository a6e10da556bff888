import type { Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { CatchUp, type PartitionLag } from './catch-up';
import { ConsumerBatches, DEFAULT_CHUNK_SIZE } from './consumer-batches';
import { ConsumerLifecycle } from './consumer-lifecycle';
import { OffsetsCluster } from './consumer-offsets';
import { DeadLetters, type DeadLetter } from './dead-letters';
import { silentLogger, type Logger } from './logger';
import { MessageRetries } from './message-retries';
import type { Projection } from './projection';
import { TransactionalApply } from './transactional-apply';
import { Upcasters } from './upcasters';

export type { DeadLetter } from './dead-letters';
export type { PartitionLag } from './catch-up';

export interface ProjectionConsumerConfig {
  /** The projection's database, holding its tables and the consumer bookkeeping (consumerSchemaSql). */
  readonly pool: Pool;
  readonly kafka: Kafka;
  readonly topics: readonly string[];
  readonly projection: Projection;
  /** Defaults to the projection's name. */
  readonly groupId?: string;
  readonly upcasters?: Upcasters;
  /** Attempts before an event is dead-lettered (default 5). */
  readonly maxAttempts?: number;
  /** Delay after the first failed attempt, doubled after each further one (default 50 ms). */
  readonly retryDelayMs?: number;
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  /** Messages of one partition applied in one transaction (default 500). */
  readonly chunkSize?: number;
  /**
   * A fetch answers once this many bytes are there, or after fetchMaxWaitMs (defaults: 1 byte and 5 s, that is at
   * once, each event alone when they trickle in).
   */
  readonly fetchMinBytes?: number;
  readonly fetchMaxWaitMs?: number;
  readonly logger?: Logger;
}

export interface ConsumerMetrics {
  readonly applied: number;
  readonly duplicatesSkipped: number;
  readonly failedAttempts: number;
  readonly deadLettered: number;
}

/** The counts metrics() reads, each added to by the part of the consumer that sees it happen. */
export type ConsumerCounts = { -readonly [Count in keyof ConsumerMetrics]: number };

/**
 * Feeds a projection from Kafka with effectively-once effects: each message is applied in one PostgreSQL
 * transaction that also records (consumer, event id) and the message offset, so a redelivery after a crash
 * changes nothing. Messages a rebuild of the projection applied already are below its watermark (rebuild-watermarks.ts)
 * and skipped like duplicates. An event that keeps failing is dead-lettered to `<topic>.dlq` and the consumer moves on.
 * This class wires the parts: consumer-lifecycle.ts (the kafkajs consumer and its restarts), consumer-batches.ts
 * (chunks), transactional-apply.ts, message-retries.ts, dead-letters.ts and catch-up.ts (lag).
 */
export class ProjectionConsumer {
  readonly name: string;
  private readonly logger: Logger;
  private readonly counters: ConsumerCounts = { applied: 0, duplicatesSkipped: 0, failedAttempts: 0, deadLettered: 0 };
  private readonly cluster: OffsetsCluster;
  private readonly deadLetters: DeadLetters;
  private readonly catchUp: CatchUp;
  private readonly lifecycle: ConsumerLifecycle;

  constructor(config: ProjectionConsumerConfig) {
    const { pool, kafka, projection } = config;
    this.name = projection.name;
    this.logger = config.logger ?? silentLogger;
    this.cluster = new OffsetsCluster(kafka, pool, this.name, this.logger);
    this.deadLetters = new DeadLetters(kafka, pool, this.name, this.cluster);
    this.catchUp = new CatchUp(kafka, pool, this.name, config.topics);
    const apply = new TransactionalApply(pool, projection, config.upcasters ?? new Upcasters(), this.cluster);
    const retries = new MessageRetries(
      apply,
      this.deadLetters,
      { maxAttempts: config.maxAttempts ?? 5, retryDelayMs: config.retryDelayMs ?? 50 },
      this.counters,
      this.logger,
      this.name,
    );
    const chunkSize = config.chunkSize ?? DEFAULT_CHUNK_SIZE;
    const batches = new ConsumerBatches(projection, chunkSize, this.cluster, apply, retries, this.counters);
    this.lifecycle = new ConsumerLifecycle(config, this.cluster, this.logger, (payload) => batches.gather(payload));
  }

  /**
   * Joins the group and consumes. A broker that is down now, or a crash kafkajs will not restart from (it gives up
   * on some errors after a broker outage), is retried in the background until stop(): the service recovers by itself.
   */
  start(): Promise<void> {
    return this.lifecycle.start();
  }

  /** Lets the message in progress finish (and its offset be committed), then leaves the group. */
  async stop(): Promise<void> {
    await this.lifecycle.stop();
    await this.deadLetters.close();
    await this.cluster.close();
    await this.catchUp.close();
    this.logger.info('projection consumer stopped', { consumer: this.name });
  }

  metrics(): ConsumerMetrics {
    return { ...this.counters };
  }

  /** Every partition of the topics with the messages in it this projection has not handled yet. */
  lag(): Promise<PartitionLag[]> {
    return this.catchUp.lag();
  }

  /** Events of this projection in the dead-letter table (kept across restarts, unlike metrics().deadLettered). */
  deadLetterCount(): Promise<number> {
    return this.deadLetters.count();
  }

  listDeadLetters(): Promise<DeadLetter[]> {
    return this.deadLetters.list();
  }

  /**
   * Resolves once every message that is in the topics now has been handled (applied, skipped or dead-lettered):
   * the offsets stored with the projection reach the current high watermarks.
   */
  waitForCaughtUp(options: { readonly timeoutMs?: number } = {}): Promise<void> {
    return this.catchUp.waitForCaughtUp(options.timeoutMs ?? 30_000);
  }
}
