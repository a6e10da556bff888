import type { Consumer, EachBatchPayload } from 'kafkajs';
import { alignGroupOffsets, type OffsetsCluster } from './consumer-offsets';
import { describeError, type Logger } from './logger';
import type { ProjectionConsumerConfig } from './projection-consumer';

/**
 * Offsets are committed to Kafka at most this often (kafkajs would commit after every batch, a write to the
 * broker's offsets log each time): the offset of record is stored with the projection, and the few messages a crash
 * redelivers are claimed already, so they change nothing.
 */
const KAFKA_COMMIT_INTERVAL_MS = 1_000;
/**
 * Partitions whose batches one fetch delivers at once (kafkajs hands each partition's batch over on its own): enough
 * for every partition of the topics, so that the small batches of one fetch can be applied together.
 */
const PARTITIONS_AT_ONCE = 64;

/**
 * The kafkajs consumer of a projection, from joining the group to leaving it: each batch it fetches goes to
 * `eachBatch`. A broker that is down now, or a crash kafkajs will not restart from (it gives up on some errors after
 * a broker outage), is retried in the background until stop(): the service recovers by itself.
 */
export class ConsumerLifecycle {
  private readonly name: string;
  private consumer?: Consumer;
  private stopping = false;
  private restartTimer?: NodeJS.Timeout;

  constructor(
    private readonly config: ProjectionConsumerConfig,
    private readonly cluster: OffsetsCluster,
    private readonly logger: Logger,
    private readonly eachBatch: (payload: EachBatchPayload) => Promise<void>,
  ) {
    this.name = config.projection.name;
  }

  private get groupId(): string {
    return this.config.groupId ?? this.name;
  }

  async start(): Promise<void> {
    this.stopping = false;
    await this.connectAndRun(1);
  }

  /** Lets the batch in progress finish (and its offsets be committed), then leaves the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.consumer?.disconnect();
    this.consumer = undefined;
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
    consumer.on(consumer.events.GROUP_JOIN, () => this.cluster.checkAfterJoin());
    try {
      await this.cluster.check();
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
        eachBatch: this.eachBatch,
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

  private restartLater(crashed: Consumer, attempt: number): void {
    if (this.stopping || (this.consumer !== undefined && this.consumer !== crashed)) return;
    this.consumer = undefined;
    void crashed.disconnect().catch(() => undefined);
    this.restartTimer = setTimeout(() => void this.connectAndRun(attempt), 1000);
  }
}
