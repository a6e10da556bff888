import { EVENT_HEADERS } from '@registry/contracts';
import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { OffsetsCluster } from './consumer-offsets';
import { arrivalOf, type Arrival } from './envelope-parsing';
import type { MessageRetries } from './message-retries';
import type { Projection } from './projection';
import type { ConsumerCounts } from './projection-consumer';
import type { TransactionalApply } from './transactional-apply';

/** Messages applied per transaction on the fast path; a failing chunk is replayed message by message. */
export const DEFAULT_CHUNK_SIZE = 500;

interface Gathered {
  readonly payload: EachBatchPayload;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The fast path: the batches kafkajs hands over, applied in chunks of up to `chunkSize` messages, one transaction
 * each. A chunk the projection fails on is rolled back and replayed message by message (MessageRetries), where
 * retries and dead-lettering isolate the one event that fails; a database outage is thrown, so Kafka redelivers later.
 */
export class ConsumerBatches {
  private gathered: Gathered[] = [];

  constructor(
    private readonly projection: Projection,
    private readonly chunkSize: number,
    private readonly cluster: OffsetsCluster,
    private readonly apply: TransactionalApply,
    private readonly retries: MessageRetries,
    private readonly counters: ConsumerCounts,
  ) {}

  /**
   * Collects the batches one fetch delivers (kafkajs starts them within a few ticks of each other) and processes
   * them one after the other once the event loop turns: when events trickle in, each partition's batch holds one
   * or two of them, and together they make one transaction instead of one each.
   */
  gather(payload: EachBatchPayload): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.gathered.push({ payload, resolve, reject });
      if (this.gathered.length === 1) setImmediate(() => void this.processGathered());
    });
  }

  private async processGathered(): Promise<void> {
    const gathered = this.gathered;
    this.gathered = [];
    await this.cluster.checked;
    // Small batches go together up to a chunk's size; the others fill chunks by themselves.
    const together: typeof gathered = [];
    let size = 0;
    for (const entry of gathered) {
      const length = entry.payload.batch.messages.length;
      if (size + length <= this.chunkSize) {
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
      ? await this.apply.applyChunk(arrivals as Arrival[], lasts)
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

  /** A partition's batch, chunk by chunk: claims, applies in order, offset. */
  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    for (let start = 0; start < batch.messages.length; start += this.chunkSize) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(start, start + this.chunkSize);
      const last = chunk[chunk.length - 1];
      const messages = chunk.filter((message) => this.needs(message));
      if (messages.length === 0) {
        await this.apply.passBy({ topic, partition, offset: last.offset });
        resolveOffset(last.offset);
        await heartbeat();
        continue;
      }
      const arrivals = messages.map((message) => arrivalOf(topic, message));
      const applied = arrivals.every((arrival) => arrival !== null)
        ? await this.apply.applyChunk(arrivals as Arrival[], [{ topic, partition, offset: last.offset }])
        : null;
      if (applied === null) {
        for (const message of messages) {
          await this.retries.handle({ topic, partition, message, heartbeat });
          resolveOffset(message.offset);
        }
        if (messages[messages.length - 1] !== last) await this.apply.passBy({ topic, partition, offset: last.offset });
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
    const type = message.headers?.[EVENT_HEADERS.type];
    if (!this.projection.handles || type === undefined) return true;
    return this.projection.handles(Buffer.isBuffer(type) ? type.toString('utf8') : String(type));
  }
}
