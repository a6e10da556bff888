// One file until #25 splits it by seam (lifecycle, batching, transactional apply, dead letters): they share the
// kafkajs consumer and its in-flight batches. Offsets of record and the cluster check are in consumer-offsets.ts.
import {
  Partitioners,
  type Admin,
  type Consumer,
  type EachBatchPayload,
  type EachMessagePayload,
  type Kafka,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import type { Pool } from 'pg';
import { deadLetterTopic, isUuid, type EventEnvelope } from '@registry/contracts';
import { adoptCluster, alignGroupOffsets, storeOffset, type MessagePosition } from './consumer-offsets';
import { KafkaCluster, LazyAdmin } from './kafka-cluster';
import { describeError, silentLogger, type Logger } from './logger';
import type { Projection } from './projection';
import { appliedByRebuild, transactionIdOf, type Delivered } from './rebuild-watermarks';
import { Upcasters } from './upcasters';
import { delay, waitUntil } from './wait-until';

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

/** Messages of one partition not handled yet: the broker's high watermark against the projection's stored offset. */
export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  readonly lag: number;
}

export interface DeadLetter {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** Null when the message was not a readable event envelope. */
  readonly eventId: string | null;
  readonly eventType: string | null;
  readonly attempts: number;
  readonly errorType: string;
  readonly errorMessage: string;
  readonly deadLetteredAt: Date;
}

type Outcome =
  { readonly kind: 'applied' } | { readonly kind: 'duplicate' } | { readonly kind: 'failed'; readonly error: unknown };

const MAX_ERROR_MESSAGE_LENGTH = 2_000;
/**
 * Offsets are committed to Kafka at most this often (kafkajs would commit after every batch, a write to the
 * broker's offsets log each time): the offset of record is stored with the projection, and the few messages a crash
 * redelivers are claimed already, so they change nothing.
 */
const KAFKA_COMMIT_INTERVAL_MS = 1_000;
/** Messages applied per transaction on the fast path; a failing chunk is replayed message by message. */
const DEFAULT_CHUNK_SIZE = 500;
/**
 * Partitions whose batches one fetch delivers at once (kafkajs hands each partition's batch over on its own): enough
 * for every partition of the topics, so that the small batches of one fetch can be applied together.
 */
const PARTITIONS_AT_ONCE = 64;

/**
 * Feeds a projection from Kafka with effectively-once effects: each message is applied in one PostgreSQL
 * transaction that also records (consumer, event id) and the message offset, so a redelivery after a crash
 * changes nothing. Messages a rebuild of the projection applied already are below its watermark (rebuild-watermarks.ts)
 * and skipped like duplicates. An event that keeps failing is dead-lettered to `<topic>.dlq` and the consumer moves on.
 */
export class ProjectionConsumer {
  readonly name: string;
  private readonly upcasters: Upcasters;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;
  private readonly logger: Logger;
  private consumer?: Consumer;
  private stopping = false;
  private restartTimer?: NodeJS.Timeout;
  private producer?: Producer;
  private readonly cluster: KafkaCluster;
  /** For lag(), asked at every scrape of the metrics: one connection kept, not one per call. */
  private readonly admin: LazyAdmin;
  /** The cluster the stored offsets are of (see consumer-offsets.ts); checked on every join of the group. */
  private clusterId: string | null = null;
  private clusterChecked: Promise<void> = Promise.resolve();
  private counters = { applied: 0, duplicatesSkipped: 0, failedAttempts: 0, deadLettered: 0 };
  private gathered: Array<{ payload: EachBatchPayload; resolve: () => void; reject: (error: unknown) => void }> = [];

  constructor(private readonly config: ProjectionConsumerConfig) {
    this.name = config.projection.name;
    this.upcasters = config.upcasters ?? new Upcasters();
    this.maxAttempts = config.maxAttempts ?? 5;
    this.retryDelayMs = config.retryDelayMs ?? 50;
    this.logger = config.logger ?? silentLogger;
    this.cluster = new KafkaCluster(config.kafka);
    this.admin = new LazyAdmin(config.kafka);
  }

  private get groupId(): string {
    return this.config.groupId ?? this.name;
  }

  /**
   * Joins the group and consumes. A broker that is down now, or a crash kafkajs will not restart from (it gives up
   * on some errors after a broker outage), is retried in the background until stop(): the service recovers by itself.
   */
  async start(): Promise<void> {
    this.stopping = false;
    await this.connectAndRun(1);
  }

  private async connectAndRun(attempt: number): Promise<void> {
    if (this.consumer || this.stopping) return;
    const consumer = this.config.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: this.config.sessionTimeoutMs,
      heartbeatInterval: this.config.heartbeatIntervalMs,
      minBytes: this.config.fetchMinBytes,
      maxWaitTimeInMs: this.config.fetchMaxWaitMs,
    });
    let crashed = false;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.logger.error('projection consumer crashed', {
        consumer: this.name,
        restart: payload.restart,
        ...describeError(payload.error),
      });
      if (payload.restart) return;
      crashed = true;
      this.restartLater(consumer, 1);
    });
    // A join may be to another cluster (Kafka wiped and restarted under a running service): batches wait for the check.
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.clusterChecked = this.checkCluster().catch((error: unknown) =>
        this.logger.warn('projection consumer: cannot tell the Kafka cluster', {
          consumer: this.name,
          ...describeError(error),
        }),
      );
    });
    try {
      await this.checkCluster();
      await alignGroupOffsets(
        this.config.kafka,
        this.config.pool,
        this.name,
        this.groupId,
        this.config.topics,
        this.logger,
      );
      await consumer.connect();
      await consumer.subscribe({ topics: [...this.config.topics], fromBeginning: true });
      await consumer.run({
        eachBatchAutoResolve: false,
        autoCommitInterval: KAFKA_COMMIT_INTERVAL_MS,
        partitionsConsumedConcurrently: PARTITIONS_AT_ONCE,
        eachBatch: (payload) => this.gather(payload),
      });
      // A crash while joining (e.g. no group coordinator yet on a fresh broker) can come before run() resolves:
      // the restart is already scheduled, and this consumer must not be taken for a running one.
      if (crashed) return;
      this.consumer = consumer;
      this.logger.info('projection consumer started', { consumer: this.name, topics: this.config.topics });
    } catch (error) {
      this.logger.warn('projection consumer could not start, retrying', {
        consumer: this.name,
        attempt,
        ...describeError(error),
      });
      await consumer.disconnect().catch(() => undefined);
      this.restartTimer = setTimeout(() => void this.connectAndRun(attempt + 1), Math.min(500 * 2 ** attempt, 10_000));
    }
  }

  private async checkCluster(): Promise<void> {
    const current = await this.cluster.id();
    if (current === this.clusterId) return;
    await adoptCluster(this.config.pool, this.name, current, this.logger);
    this.clusterId = current;
  }

  private restartLater(crashed: Consumer, attempt: number): void {
    if (this.stopping || (this.consumer !== undefined && this.consumer !== crashed)) return;
    this.consumer = undefined;
    void crashed.disconnect().catch(() => undefined);
    this.restartTimer = setTimeout(() => void this.connectAndRun(attempt), 1000);
  }

  /** Lets the message in progress finish (and its offset be committed), then leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.consumer?.disconnect();
    this.consumer = undefined;
    await this.producer?.disconnect();
    this.producer = undefined;
    await this.cluster.close();
    await this.admin.close();
    this.logger.info('projection consumer stopped', { consumer: this.name });
  }

  metrics(): ConsumerMetrics {
    return { ...this.counters };
  }

  /** Every partition of the topics with the messages in it this projection has not handled yet. */
  async lag(): Promise<PartitionLag[]> {
    const [ends, stored] = await Promise.all([this.admin.use((admin) => this.endOffsets(admin)), this.storedOffsets()]);
    return ends.map(({ topic, partition, low, high }) => {
      const handled = stored.get(`${topic}:${partition}`);
      // Messages below the low watermark are gone (retention): they can no longer be waited for.
      const next = handled === undefined || handled < low ? low : handled + 1n;
      return { topic, partition, lag: Number(high > next ? high - next : 0n) };
    });
  }

  /** Events of this projection in the dead-letter table (kept across restarts, unlike metrics().deadLettered). */
  async deadLetterCount(): Promise<number> {
    const { rows } = await this.config.pool.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM es_dead_letters WHERE consumer_name = $1',
      [this.name],
    );
    return rows[0].count;
  }

  async listDeadLetters(): Promise<DeadLetter[]> {
    const { rows } = await this.config.pool.query<DeadLetter>(
      `SELECT topic, partition, "offset"::text AS "offset", event_id AS "eventId", event_type AS "eventType", attempts,
              error_type AS "errorType", error_message AS "errorMessage", dead_lettered_at AS "deadLetteredAt"
         FROM es_dead_letters WHERE consumer_name = $1 ORDER BY id`,
      [this.name],
    );
    return rows;
  }

  /**
   * Resolves once every message that is in the topics now has been handled (applied, skipped or dead-lettered):
   * the offsets stored with the projection reach the current high watermarks.
   */
  async waitForCaughtUp(options: { readonly timeoutMs?: number } = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 30_000;
    const targets = await this.lastOffsets();
    let behind: string[] = [];
    await waitUntil(
      async () => {
        const stored = await this.storedOffsets();
        behind = targets
          .filter((target) => (stored.get(`${target.topic}:${target.partition}`) ?? -1n) < target.last)
          .map(
            (target) =>
              `${target.topic}[${target.partition}] at ${stored.get(`${target.topic}:${target.partition}`) ?? 'none'} of ${target.last}`,
          );
        return behind.length === 0 ? true : undefined;
      },
      {
        timeoutMs,
        describe: () => `consumer ${this.name} did not catch up within ${timeoutMs} ms; behind on ${behind.join(', ')}`,
      },
    );
  }

  /**
   * Collects the batches one fetch delivers (kafkajs starts them within a few ticks of each other) and processes
   * them one after the other once the event loop turns: when events trickle in, each partition's batch holds one
   * or two of them, and together they make one transaction instead of one each.
   */
  private gather(payload: EachBatchPayload): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.gathered.push({ payload, resolve, reject });
      if (this.gathered.length === 1) setImmediate(() => void this.processGathered());
    });
  }

  private async processGathered(): Promise<void> {
    const gathered = this.gathered;
    this.gathered = [];
    await this.clusterChecked;
    const chunkSize = this.config.chunkSize ?? DEFAULT_CHUNK_SIZE;
    // Small batches go together up to a chunk's size; the others fill chunks by themselves.
    const together: typeof gathered = [];
    let size = 0;
    for (const entry of gathered) {
      const length = entry.payload.batch.messages.length;
      if (size + length <= chunkSize) {
        together.push(entry);
        size += length;
      }
    }
    const alone = together.length > 1 ? gathered.filter((entry) => !together.includes(entry)) : gathered;
    if (together.length > 1) {
      try {
        await this.handleTogether(together.map((entry) => entry.payload));
        for (const entry of together) entry.resolve();
      } catch (error) {
        for (const entry of together) entry.reject(error);
      }
    }
    for (const entry of alone) {
      try {
        await this.handleBatch(entry.payload);
        entry.resolve();
      } catch (error) {
        entry.reject(error);
      }
    }
  }

  /**
   * Small batches of several partitions in one transaction: claims, applies, one offset per partition. A projection
   * failure rolls it back and each batch goes its own way (handleBatch), where the failing event is isolated.
   */
  private async handleTogether(payloads: readonly EachBatchPayload[]): Promise<void> {
    const live = payloads.filter(({ isRunning, isStale }) => isRunning() && !isStale());
    if (live.length === 0) return;
    const needed = live.flatMap(({ batch }) =>
      batch.messages.filter((message) => this.needs(message)).map((message) => ({ topic: batch.topic, message })),
    );
    const messages = needed.map(({ message }) => message);
    const arrivals = needed.map(({ topic, message }) => arrivalOf(topic, message));
    const lasts = live.map(({ batch }) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: batch.messages[batch.messages.length - 1].offset,
    }));
    const applied = arrivals.every((arrival) => arrival !== null)
      ? await this.processChunk(arrivals as Arrival[], lasts)
      : null;
    if (applied === null) {
      for (const payload of live) await this.handleBatch(payload);
      return;
    }
    this.counters.applied += applied;
    this.counters.duplicatesSkipped += messages.length - applied;
    for (const { batch, resolveOffset } of live) resolveOffset(batch.messages[batch.messages.length - 1].offset);
    await Promise.all(live.map(({ heartbeat }) => heartbeat()));
  }

  /**
   * The fast path: a chunk of a partition's messages in one transaction (claims, applies in order, offset). Any
   * failure in the chunk rolls it back and replays it message by message, where retries and dead-lettering isolate
   * the one event that fails; a database outage is thrown, so Kafka redelivers later.
   */
  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const chunkSize = this.config.chunkSize ?? DEFAULT_CHUNK_SIZE;
    for (let start = 0; start < batch.messages.length; start += chunkSize) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + chunkSize);
      const last = chunk[chunk.length - 1];
      const messages = chunk.filter((message) => this.needs(message));
      if (messages.length === 0) {
        await this.passBy({ topic, partition, offset: last.offset });
        resolveOffset(last.offset);
        await heartbeat();
        continue;
      }
      const arrivals = messages.map((message) => arrivalOf(topic, message));
      const applied = arrivals.every((arrival) => arrival !== null)
        ? await this.processChunk(arrivals as Arrival[], [{ topic, partition, offset: last.offset }])
        : null;
      if (applied === null) {
        for (const message of messages) {
          await this.handle({ topic, partition, message, heartbeat, pause: () => () => undefined });
          resolveOffset(message.offset);
        }
        if (messages[messages.length - 1] !== last) await this.passBy({ topic, partition, offset: last.offset });
      } else {
        this.counters.applied += applied;
        this.counters.duplicatesSkipped += messages.length - applied;
      }
      resolveOffset(last.offset);
      await heartbeat();
    }
  }

  /**
   * Whether the projection needs the message: an event of a type it handles, judged by the type header the relay
   * sets, without parsing the value. A message without the header is read, so a malformed one is dead-lettered.
   */
  private needs(message: KafkaMessage): boolean {
    const { projection } = this.config;
    const type = message.headers?.['event-type'];
    if (!projection.handles || type === undefined) return true;
    return projection.handles(Buffer.isBuffer(type) ? type.toString('utf8') : String(type));
  }

  /** Stores the offset of messages the projection does not need, after those it applied. */
  private async passBy(position: MessagePosition): Promise<void> {
    const client = await this.config.pool.connect();
    try {
      await storeOffset(client, this.name, position, this.clusterId);
      client.release();
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }

  /**
   * The chunk's events in one transaction, through the projection's applyBatch when it has one, else apply() on each;
   * the number applied (the rest were duplicates, or applied by a rebuild), or null if the projection failed.
   */
  private async processChunk(arrivals: Arrival[], lasts: readonly MessagePosition[]): Promise<number | null> {
    const client = await this.config.pool.connect();
    try {
      await client.query('BEGIN');
      const rebuilt = await appliedByRebuild(client, this.name);
      const events = arrivals.filter((arrival) => !rebuilt(arrival)).map((arrival) => arrival.event);
      const claimed =
        events.length === 0
          ? { rows: [] }
          : await client.query<{ event_id: string }>(
              `INSERT INTO es_processed_events (consumer_name, event_id) SELECT $1, id FROM unnest($2::uuid[]) AS id
               ON CONFLICT DO NOTHING RETURNING event_id`,
              [this.name, [...new Set(events.map((event) => event.eventId))]],
            );
      const claimedIds = new Set(claimed.rows.map((row) => row.event_id));
      // Each claimed id once: a message repeated within the chunk is a duplicate like any redelivery. PostgreSQL
      // answers uuids in lower case.
      const fresh = events.filter((event) => claimedIds.delete(event.eventId.toLowerCase()));
      const { projection } = this.config;
      try {
        // Upcasting can fail too: inside the try, so the replay isolates (and dead-letters) that event.
        const upcast = fresh.map((event) => this.asApplied(event));
        if (projection.applyBatch) {
          if (upcast.length > 0) await projection.applyBatch(upcast, client);
        } else {
          for (const event of upcast) await projection.apply(event, client);
        }
      } catch (error) {
        if (isConnectionFailure(error)) throw error;
        await client.query('ROLLBACK');
        client.release();
        return null;
      }
      for (const last of lasts) await storeOffset(client, this.name, last, this.clusterId);
      await client.query('COMMIT');
      client.release();
      return fresh.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(error as Error);
      throw error;
    }
  }

  /** The event as the projection takes it: upcast, unless its rebuild copies stored rows (see copiedOnRebuild). */
  private asApplied(event: EventEnvelope): EventEnvelope {
    return this.config.projection.copiedOnRebuild ? event : this.upcasters.upcast(event);
  }

  private async handle({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const position = { topic, partition, offset: message.offset };
    const arrival = arrivalOf(topic, message);
    if (!arrival) {
      await this.deadLetter(position, message, null, new TypeError('the message is not an event envelope'), 1);
      return;
    }
    const { event } = arrival;
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.processOnce(arrival, position);
      if (outcome.kind === 'applied') {
        this.counters.applied += 1;
        return;
      }
      if (outcome.kind === 'duplicate') {
        this.counters.duplicatesSkipped += 1;
        return;
      }
      this.counters.failedAttempts += 1;
      this.logger.warn('projection failed to apply an event', {
        consumer: this.name,
        eventId: event.eventId,
        eventType: event.type,
        attempt,
        ...describeError(outcome.error),
      });
      if (attempt >= this.maxAttempts) {
        await this.deadLetter(position, message, event, outcome.error, attempt);
        return;
      }
      await delay(this.retryDelayMs * 2 ** (attempt - 1));
      await heartbeat();
    }
  }

  /**
   * One transaction: claim (consumer, event id), apply, store the offset. A failure of the projection is an
   * outcome (to retry or dead-letter); a failure of the database itself is thrown, so Kafka redelivers later
   * instead of the event being dead-lettered during an outage.
   */
  private async processOnce(arrival: Arrival, position: MessagePosition): Promise<Outcome> {
    const { event } = arrival;
    const client = await this.config.pool.connect();
    try {
      await client.query('BEGIN');
      const rebuilt = (await appliedByRebuild(client, this.name))(arrival);
      const claimed = rebuilt
        ? null
        : await client.query(
            'INSERT INTO es_processed_events (consumer_name, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
            [this.name, event.eventId],
          );
      const fresh = claimed?.rowCount === 1;
      if (fresh) {
        try {
          await this.config.projection.apply(this.asApplied(event), client);
        } catch (error) {
          if (isConnectionFailure(error)) throw error;
          await client.query('ROLLBACK');
          client.release();
          return { kind: 'failed', error };
        }
      }
      await storeOffset(client, this.name, position, this.clusterId);
      await client.query('COMMIT');
      client.release();
      return fresh ? { kind: 'applied' } : { kind: 'duplicate' };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(error as Error);
      throw error;
    }
  }

  /** Publishes the message to the dead-letter topic first, then records it and moves the offset past it. */
  private async deadLetter(
    position: MessagePosition,
    message: KafkaMessage,
    event: EventEnvelope | null,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    const errorType = error instanceof Error ? error.name : typeof error;
    const errorMessage = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_MESSAGE_LENGTH);
    const producer = await this.deadLetterProducer();
    await producer.send({
      topic: deadLetterTopic(position.topic),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'dlq-consumer': this.name,
            'dlq-source-topic': position.topic,
            'dlq-source-partition': String(position.partition),
            'dlq-source-offset': position.offset,
            'dlq-attempts': String(attempts),
            'dlq-error-type': errorType,
            'dlq-error-message': errorMessage,
          },
        },
      ],
    });
    const client = await this.config.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO es_dead_letters (consumer_name, topic, partition, "offset", event_id, event_type, attempts, error_type, error_message)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (consumer_name, topic, partition, "offset") DO UPDATE
            SET attempts = EXCLUDED.attempts, error_type = EXCLUDED.error_type, error_message = EXCLUDED.error_message,
                dead_lettered_at = now()`,
        [
          this.name,
          position.topic,
          position.partition,
          position.offset,
          event?.eventId ?? null,
          event?.type ?? null,
          attempts,
          errorType,
          errorMessage,
        ],
      );
      await storeOffset(client, this.name, position, this.clusterId);
      await client.query('COMMIT');
      client.release();
    } catch (failure) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(failure as Error);
      throw failure;
    }
    this.counters.deadLettered += 1;
    this.logger.error('event dead-lettered', {
      consumer: this.name,
      eventId: event?.eventId ?? null,
      eventType: event?.type ?? null,
      ...position,
      attempts,
      ...describeError(error),
    });
  }

  private async deadLetterProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.config.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  /** Offset of the last message now in each non-empty partition of the topics. */
  private async lastOffsets(): Promise<{ topic: string; partition: number; last: bigint }[]> {
    const admin = this.config.kafka.admin();
    await admin.connect();
    try {
      return (await this.endOffsets(admin))
        .filter(({ high, low }) => high > low)
        .map(({ topic, partition, high }) => ({ topic, partition, last: high - 1n }));
    } finally {
      await admin.disconnect();
    }
  }

  /** The low and high watermarks of every partition of the topics, in the order of the topics, then partitions. */
  private async endOffsets(admin: Admin): Promise<{ topic: string; partition: number; low: bigint; high: bigint }[]> {
    const perTopic = await Promise.all(
      this.config.topics.map(async (topic) =>
        (await admin.fetchTopicOffsets(topic))
          .map(({ partition, low, high }) => ({ topic, partition, low: BigInt(low), high: BigInt(high) }))
          .sort((a, b) => a.partition - b.partition),
      ),
    );
    return perTopic.flat();
  }

  private async storedOffsets(): Promise<Map<string, bigint>> {
    const { rows } = await this.config.pool.query<{ topic: string; partition: number; offset: string }>(
      'SELECT topic, partition, "offset"::text AS "offset" FROM es_consumer_offsets WHERE consumer_name = $1',
      [this.name],
    );
    return new Map(rows.map((row) => [`${row.topic}:${row.partition}`, BigInt(row.offset)]));
  }
}

/** A message read as an event envelope, with where it came from; null when it is not one. */
interface Arrival extends Delivered {
  readonly event: EventEnvelope;
}

function arrivalOf(topic: string, message: KafkaMessage): Arrival | null {
  const event = parseEnvelope(message.value);
  if (!event) return null;
  return {
    event,
    topic,
    transactionId: transactionIdOf(message.headers),
    globalPosition: String(event.globalPosition),
  };
}

function parseEnvelope(value: Buffer | null): EventEnvelope | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value.toString('utf8')) as Partial<EventEnvelope> | null;
    const wellFormed =
      isUuid(parsed?.eventId) &&
      typeof parsed.type === 'string' &&
      Number.isInteger(parsed.schemaVersion) &&
      'data' in parsed;
    return wellFormed ? (parsed as EventEnvelope) : null;
  } catch {
    return null;
  }
}

/** Lost or refused connections (Node socket errors, SQLSTATE classes 08 and 57P). */
function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    (/^(08|57P)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code))
  )
    return true;
  return error instanceof Error && /Connection terminated/i.test(error.message);
}
