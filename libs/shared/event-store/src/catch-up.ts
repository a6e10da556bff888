import type { Admin, Kafka } from 'kafkajs';
import type { Pool } from 'pg';
import { storedOffsets } from './consumer-offsets';
import { LazyAdmin } from './kafka-cluster';
import { waitUntil } from './wait-until';

/** Messages of one partition not handled yet: the broker's high watermark against the projection's stored offset. */
export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  readonly lag: number;
}

/** How far behind the topics a consumer is: its stored offsets against the brokers' watermarks. */
export class CatchUp {
  /** For lag(), asked at every scrape of the metrics: one connection kept, not one per call. */
  private readonly admin: LazyAdmin;

  constructor(
    private readonly kafka: Kafka,
    private readonly pool: Pool,
    private readonly consumerName: string,
    private readonly topics: readonly string[],
  ) {
    this.admin = new LazyAdmin(kafka);
  }

  /** Every partition of the topics with the messages in it the consumer has not handled yet. */
  async lag(): Promise<PartitionLag[]> {
    const [ends, stored] = await Promise.all([
      this.admin.use((admin) => this.endOffsets(admin)),
      storedOffsets(this.pool, this.consumerName),
    ]);
    return ends.map(({ topic, partition, low, high }) => {
      const handled = stored.get(`${topic}:${partition}`);
      // Messages below the low watermark are gone (retention): they can no longer be waited for.
      const next = handled === undefined || handled < low ? low : handled + 1n;
      return { topic, partition, lag: Number(high > next ? high - next : 0n) };
    });
  }

  /** Resolves once the stored offsets reach the high watermarks of now; rejects naming the partitions behind. */
  async waitForCaughtUp(timeoutMs: number): Promise<void> {
    const targets = await this.lastOffsets();
    let behind: string[] = [];
    await waitUntil(
      async () => {
        const stored = await storedOffsets(this.pool, this.consumerName);
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
        describe: () =>
          `consumer ${this.consumerName} did not catch up within ${timeoutMs} ms; behind on ${behind.join(', ')}`,
      },
    );
  }

  close(): Promise<void> {
    return this.admin.close();
  }

  /** Offset of the last message now in each non-empty partition of the topics. */
  private async lastOffsets(): Promise<{ topic: string; partition: number; last: bigint }[]> {
    const admin = this.kafka.admin();
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
      this.topics.map(async (topic) =>
        (await admin.fetchTopicOffsets(topic))
          .map(({ partition, low, high }) => ({ topic, partition, low: BigInt(low), high: BigInt(high) }))
          .sort((a, b) => a.partition - b.partition),
      ),
    );
    return perTopic.flat();
  }
}
