// One file for the relay: its loop, checkpoint, cluster check and LISTEN connection all move one cursor, and
// reading them apart would hide how a batch becomes published.
import { Partitioners, type Kafka, type Message, type Producer, type RecordMetadata } from 'kafkajs';
import { SpanKind } from '@opentelemetry/api';
import { EVENT_HEADERS, traceparentFor } from '@registry/contracts';
import type { Pool, PoolClient } from 'pg';
import { unacknowledgedPartitions, UnacknowledgedPartitionsError } from './acknowledged-partitions';
import type { EnvelopeJson } from './event-rows';
import { beginningOfAll, EventStore, type AllStreamCursor } from './event-store';
import { startEventSpans } from './event-spans';
import { KafkaCluster } from './kafka-cluster';
import { EVENTS_APPENDED_CHANNEL } from './schema';
import { describeError, silentLogger, type Logger } from './logger';

export interface KafkaRelayConfig {
  /** The database of the event store; the checkpoint is kept there too. The relay holds one connection to LISTEN. */
  readonly pool: Pool;
  readonly kafka: Kafka;
  /** The one topic this store's events are published to. */
  readonly topic: string;
  /** Key of the checkpoint row; defaults to the topic. */
  readonly name?: string;
  readonly batchSize?: number;
  /** Fallback poll interval when no notification arrives (e.g. a long transaction held events back). */
  readonly pollIntervalMs?: number;
  /** Backoff between failed attempts to reach Kafka or PostgreSQL, doubled up to `maxRetryDelayMs`. */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /** How long stop() waits for Kafka to acknowledge the batch in flight before abandoning it. */
  readonly stopGraceMs?: number;
  /**
   * Creates the registry's topics: called when the relay finds itself on a new Kafka cluster, which has none yet
   * (the brokers do not create topics on first use).
   */
  readonly ensureTopics?: () => Promise<void>;
  readonly logger?: Logger;
}

export interface RelayMetrics {
  readonly published: number;
  readonly batches: number;
  readonly failedAttempts: number;
  /** Times the relay found a new Kafka cluster and started its store over from the beginning. */
  readonly clusterChanges: number;
}

type Published = 'published' | 'stopped' | 'rewound';

/**
 * After a wake-up or a batch, look again soon, backing off to the poll interval: the transaction that held events
 * back may end any time, and appends within NOTIFY_INTERVAL_MS of a notifying one do not notify themselves.
 */
const SETTLE_DELAY_MS = 10;
/**
 * How often a relay with nothing to publish asks which cluster it is on: a wiped cluster must get the store again
 * even when nothing new is written (one metadata request each time).
 */
const IDLE_CLUSTER_CHECK_MS = 5_000;

/**
 * Publishes the store's committed events to Kafka in commit order, at least once: the checkpoint is written only
 * after the broker acknowledged a batch, so a crash or an outage republishes, never skips.
 * The checkpoint names the Kafka cluster that acknowledged it. The store is the truth and the cluster may be lost:
 * on a cluster of another id (wiped, replaced) the relay publishes the whole store again from the start.
 * Run one relay per database; a second one only adds duplicates.
 */
export class KafkaRelay {
  private readonly reader: EventStore;
  private readonly name: string;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly stopGraceMs: number;
  private readonly logger: Logger;

  private cursor: AllStreamCursor = beginningOfAll;
  /** The cluster that acknowledged every event up to the cursor; null before the first publish. */
  private clusterId: string | null = null;
  /** While republishing into a new cluster: the last position to reach, and when the change was found. */
  private republishing?: { readonly until: bigint; readonly events: number; readonly since: number };
  private running = false;
  private clusterCheckedAt = 0;
  private readonly cluster: KafkaCluster;
  private loop?: Promise<void>;
  private producer?: Producer;
  /** The topic's partition count, which the relay hashes keys over to check each answer; asked per producer. */
  private partitions?: number;
  private listener?: PoolClient;
  private wake?: () => void;
  private notified = false;
  private onStop?: () => void;
  private counters = { published: 0, batches: 0, failedAttempts: 0, clusterChanges: 0 };

  constructor(private readonly config: KafkaRelayConfig) {
    this.reader = new EventStore(config.pool);
    this.cluster = new KafkaCluster(config.kafka);
    this.name = config.name ?? config.topic;
    this.batchSize = config.batchSize ?? 500;
    this.pollIntervalMs = config.pollIntervalMs ?? 1_000;
    this.retryDelayMs = config.retryDelayMs ?? 100;
    this.maxRetryDelayMs = config.maxRetryDelayMs ?? 5_000;
    this.stopGraceMs = config.stopGraceMs ?? 5_000;
    this.logger = config.logger ?? silentLogger;
  }

  /** Resumes from the stored checkpoint. Kafka may be down: the relay keeps trying in the background. */
  async start(): Promise<void> {
    if (this.running) return;
    ({ cursor: this.cursor, clusterId: this.clusterId } = await this.readCheckpoint());
    this.running = true;
    await this.listen();
    this.loop = this.run();
    this.logger.info('event relay started', {
      relay: this.name,
      topic: this.config.topic,
      after: this.cursor.globalPosition,
      cluster: this.clusterId,
    });
  }

  /** Finishes the batch in flight (publish and checkpoint), unless Kafka cannot take it; then disconnects. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.onStop?.();
    this.wake?.();
    await this.loop;
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
    await this.cluster.close();
    const listener = this.listener;
    this.listener = undefined;
    listener?.release(true);
    this.logger.info('event relay stopped', { relay: this.name, after: this.cursor.globalPosition });
  }

  /** The topic the store is published to. */
  get topic(): string {
    return this.config.topic;
  }

  /** Committed events not yet acknowledged by Kafka (from the stored checkpoint when the relay is not running). */
  async lag(): Promise<number> {
    const cursor = this.running ? this.cursor : (await this.readCheckpoint()).cursor;
    const { rows } = await this.config.pool.query<{ lag: number }>(
      'SELECT count(*)::int AS lag FROM es_events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)',
      [cursor.transactionId, cursor.globalPosition],
    );
    return rows[0].lag;
  }

  metrics(): RelayMetrics {
    return { ...this.counters };
  }

  private async run(): Promise<void> {
    let idleDelay = this.pollIntervalMs;
    let failures = 0;
    while (this.running) {
      try {
        const batch = await this.reader.readAllAsJson({ after: this.cursor, limit: this.batchSize });
        if (batch.events.length === 0) {
          if (await this.replacedWhileIdle()) continue;
          const notified = await this.idle(idleDelay);
          idleDelay = notified ? SETTLE_DELAY_MS : Math.min(idleDelay * 2, this.pollIntervalMs);
          continue;
        }
        idleDelay = SETTLE_DELAY_MS;
        const outcome = await this.publish(batch.events);
        if (outcome === 'stopped') return;
        if (outcome === 'rewound') continue;
        this.cursor = batch.next;
        this.counters.published += batch.events.length;
        this.counters.batches += 1;
        await this.saveCheckpoint();
        this.noteRepublished();
        failures = 0;
      } catch (error) {
        // PostgreSQL failed (reading, or saving a checkpoint): the in-memory cursor only ever holds acknowledged
        // events, so the next successful save catches the stored checkpoint up.
        failures += 1;
        this.counters.failedAttempts += 1;
        this.logger.warn('event relay: database unavailable, retrying', {
          relay: this.name,
          attempt: failures,
          ...describeError(error),
        });
        await this.idle(this.backoff(failures));
      }
    }
  }

  /**
   * 'published' once the cluster of the checkpoint acknowledged every message (acks from all in-sync replicas, for
   * every partition the batch hashes to: see acknowledged-partitions.ts);
   * 'stopped' if stopped first; 'rewound' if the relay found a new cluster and moved its cursor to the beginning.
   * The cluster is asked after each send: a producer retrying through a wipe would otherwise deliver a batch to the
   * new cluster, and the checkpoint would then skip everything before it there. A new producer (at start, after a
   * failure: a wipe always fails a send or stalls it into one of those) asks before its first send too, so that the
   * new cluster gets its topics before anything is sent to them.
   */
  private async publish(events: readonly EnvelopeJson[]): Promise<Published> {
    const messages = events.map(toMessage);
    const traced = events.map((event, i) => ({
      ...event,
      traceparent: messages[i].headers![EVENT_HEADERS.traceparent] as string,
    }));
    const spans = startEventSpans(`publish ${this.config.topic}`, SpanKind.PRODUCER, traced, {
      'messaging.system': 'kafka',
      'messaging.destination.name': this.config.topic,
    });
    try {
      const published = await this.publishMessages(messages);
      spans.end(published === 'published' ? undefined : new Error(`not published: ${published}`));
      return published;
    } catch (error) {
      spans.end(error);
      throw error;
    }
  }

  private async publishMessages(messages: Message[]): Promise<Published> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const fresh = this.producer === undefined;
        const producer = await this.connectedProducer();
        if (fresh && (await this.onNewCluster())) return 'rewound';
        // Asked again after a failure: a new cluster, or partitions added, hash keys anew.
        const partitions = (this.partitions ??= await this.cluster.partitionCount(this.config.topic));
        const answer = await this.acknowledged(producer.send({ topic: this.config.topic, acks: -1, messages }));
        if (answer === null) return 'stopped';
        const missing = unacknowledgedPartitions(this.config.topic, partitions, messages, answer);
        if (missing.length > 0) throw new UnacknowledgedPartitionsError(missing);
        if ((await this.cluster.id()) !== this.clusterId)
          throw new Error('the Kafka cluster changed while the batch was sent');
        return 'published';
      } catch (error) {
        this.counters.failedAttempts += 1;
        this.logger.warn('event relay: Kafka unavailable, retrying', {
          relay: this.name,
          attempt,
          ...describeError(error),
        });
        // A fresh producer after a failure: the old one's connections and idempotence state may be stale.
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = undefined;
        this.partitions = undefined;
        if (!this.running) return 'stopped';
        await this.idle(this.backoff(attempt));
        if (!this.running) return 'stopped';
      }
    }
  }

  /**
   * True when the cluster is not the one of the checkpoint: the cursor goes back to the beginning of the store, the
   * topics are created, and the move is recorded at once, so a crash during the republishing resumes it.
   */
  private async onNewCluster(): Promise<boolean> {
    const current = await this.cluster.id();
    // A checkpoint from before cluster ids were recorded belongs to the cluster it finds.
    if (this.clusterId === null || this.clusterId === current) {
      this.clusterId = current;
      return false;
    }
    const { rows } = await this.config.pool.query<{ events: number; last: string | null }>(
      'SELECT count(*)::int AS events, max(global_position)::text AS last FROM es_events',
    );
    this.logger.error('event relay: Kafka cluster replaced; publishing the whole event store again from the start', {
      relay: this.name,
      topic: this.config.topic,
      previousCluster: this.clusterId,
      cluster: current,
      events: rows[0].events,
      publishedBefore: this.cursor.globalPosition,
    });
    await this.config.ensureTopics?.();
    this.counters.clusterChanges += 1;
    this.cursor = beginningOfAll;
    this.clusterId = current;
    this.republishing = { until: BigInt(rows[0].last ?? '0'), events: rows[0].events, since: Date.now() };
    await this.saveCheckpoint();
    return true;
  }

  /** An idle relay's look at the cluster now and then (see IDLE_CLUSTER_CHECK_MS); true when it rewound. */
  private async replacedWhileIdle(): Promise<boolean> {
    if (this.clusterId === null || Date.now() - this.clusterCheckedAt < IDLE_CLUSTER_CHECK_MS) return false;
    this.clusterCheckedAt = Date.now();
    try {
      return await this.onNewCluster();
    } catch {
      return false; // Kafka unreachable, or the topics not created yet: asked again at the next interval
    }
  }

  /** Logs, once, that the store is whole again in the new cluster, with how many events and how long it took. */
  private noteRepublished(): void {
    if (!this.republishing || BigInt(this.cursor.globalPosition) < this.republishing.until) return;
    this.logger.warn('event relay: event store republished into the new Kafka cluster', {
      relay: this.name,
      topic: this.config.topic,
      cluster: this.clusterId,
      events: this.republishing.events,
      seconds: (Date.now() - this.republishing.since) / 1000,
    });
    this.republishing = undefined;
  }

  /**
   * Waits for the broker's acknowledgement; once stop() is called, for at most stopGraceMs: then the batch is
   * abandoned unacknowledged (false) and republished after a restart.
   */
  private acknowledged(sent: Promise<RecordMetadata[]>): Promise<RecordMetadata[] | null> {
    return new Promise<RecordMetadata[] | null>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const giveUp = () => {
        timer = setTimeout(() => resolve(null), this.stopGraceMs);
      };
      this.onStop = giveUp;
      if (!this.running) giveUp();
      sent.then(
        (answer) => {
          clearTimeout(timer);
          resolve(answer);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    }).finally(() => (this.onStop = undefined));
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.config.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 100, maxRetryTime: 2_000 },
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private async readCheckpoint(): Promise<{ cursor: AllStreamCursor; clusterId: string | null }> {
    const { rows } = await this.config.pool.query<{
      transaction_id: string;
      global_position: string;
      cluster_id: string | null;
    }>(
      `SELECT transaction_id::text AS transaction_id, global_position::text AS global_position, cluster_id
         FROM es_relay_checkpoints WHERE relay_name = $1`,
      [this.name],
    );
    return rows[0]
      ? {
          cursor: { transactionId: rows[0].transaction_id, globalPosition: rows[0].global_position },
          clusterId: rows[0].cluster_id,
        }
      : { cursor: beginningOfAll, clusterId: null };
  }

  /**
   * Never moves backwards within one cluster, should two relays ever run against one database; on a new cluster it
   * starts over. Committed without waiting for the WAL
   * flush: a checkpoint lost in a crash only republishes events the consumers then skip, and a flush per published
   * batch doubled the commits waiting on the disk when single measurements trickle in.
   */
  private async saveCheckpoint(): Promise<void> {
    await this.config.pool.query({
      name: 'es_save_relay_checkpoint',
      text: `INSERT INTO es_relay_checkpoints (relay_name, transaction_id, global_position, cluster_id, updated_at)
       SELECT $1, $2::xid8, $3::bigint, $4, now() FROM (SELECT set_config('synchronous_commit', 'off', true)) AS unflushed
       ON CONFLICT (relay_name) DO UPDATE
          SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position,
              cluster_id = EXCLUDED.cluster_id, updated_at = now()
        WHERE es_relay_checkpoints.cluster_id IS DISTINCT FROM EXCLUDED.cluster_id
           OR (es_relay_checkpoints.transaction_id, es_relay_checkpoints.global_position)
            < (EXCLUDED.transaction_id, EXCLUDED.global_position)`,
      values: [this.name, this.cursor.transactionId, this.cursor.globalPosition, this.clusterId],
    });
  }

  /** LISTEN on a dedicated connection; when it fails the relay still polls, and listens again later. */
  private async listen(): Promise<void> {
    let client: PoolClient | undefined;
    try {
      client = await this.config.pool.connect();
      const connection = client;
      connection.on('notification', () => this.onNotification());
      connection.on('error', (error) => {
        if (this.listener !== connection) return;
        this.logger.warn('event relay: notification connection lost', { relay: this.name, ...describeError(error) });
        this.listener = undefined;
        connection.release(error);
      });
      await connection.query(`LISTEN ${EVENTS_APPENDED_CHANNEL}`);
      this.listener = connection;
    } catch (error) {
      client?.release(error as Error);
      this.logger.warn('event relay: cannot listen for appends, polling only', {
        relay: this.name,
        ...describeError(error),
      });
    }
  }

  private onNotification(): void {
    this.notified = true;
    this.wake?.();
  }

  /** Waits for a notification, the timeout or stop(); resolves true when woken by a notification. */
  private async idle(ms: number): Promise<boolean> {
    if (!this.listener && this.running) await this.listen();
    if (!this.notified && this.running) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    const notified = this.notified;
    this.notified = false;
    return notified;
  }

  private backoff(attempt: number): number {
    return Math.min(this.retryDelayMs * 2 ** (attempt - 1), this.maxRetryDelayMs);
  }
}

function toMessage(event: EnvelopeJson): Message {
  return {
    key: event.subjectId,
    value: event.json,
    headers: {
      [EVENT_HEADERS.type]: event.type,
      [EVENT_HEADERS.id]: event.eventId,
      [EVENT_HEADERS.transactionId]: event.transactionId,
      [EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
      [EVENT_HEADERS.correlationId]: event.correlationId,
      [EVENT_HEADERS.traceparent]: traceparentFor(event.correlationId, event.eventId),
    },
  };
}
