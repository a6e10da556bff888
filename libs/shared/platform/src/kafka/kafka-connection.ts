import { Kafka, logLevel, type Admin } from 'kafkajs';
import { allTopics, TOPIC_PARTITIONS } from '@registry/contracts';
import { LazyAdmin } from '@registry/event-store';

/** One kafkajs client per service; its admin answers readiness and creates the registry's topics. */
export class KafkaConnection {
  readonly kafka: Kafka;
  private readonly admin: LazyAdmin;

  constructor(
    readonly clientId: string,
    brokers: string[],
    private readonly replicationFactor: number,
    /** The stack whose topics this service creates (REGISTRY_STACK). */
    private readonly stack: string,
  ) {
    this.kafka = new Kafka({
      clientId,
      brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2000,
      retry: { retries: 2, initialRetryTime: 200 },
    });
    this.admin = new LazyAdmin(this.kafka);
  }

  /**
   * Throws with the broker's reason when the cluster does not answer. Partitions of the registry's topics with
   * fewer in-sync replicas than replicas are counted, not fatal: writes go on while the ISR holds its minimum.
   */
  async ping(): Promise<{ brokers: number; underReplicatedPartitions: number; warning?: string }> {
    return this.admin.use(async (admin) => {
      const cluster = await admin.describeCluster();
      const underReplicatedPartitions = await this.underReplicatedPartitions(admin);
      return {
        brokers: cluster.brokers.length,
        underReplicatedPartitions,
        ...(underReplicatedPartitions > 0 && {
          warning: `${underReplicatedPartitions} partition(s) of the registry topics lack in-sync replicas`,
        }),
      };
    });
  }

  private async underReplicatedPartitions(admin: Admin): Promise<number> {
    const existing = new Set(await admin.listTopics());
    const topics = allTopics(this.stack).filter((topic) => existing.has(topic));
    if (topics.length === 0) return 0;
    const metadata = await admin.fetchTopicMetadata({ topics });
    return metadata.topics
      .flatMap((topic) => topic.partitions)
      .filter((partition) => partition.isr.length < partition.replicas.length).length;
  }

  /** Creates every registry topic that is missing; topics that exist are left as they are. */
  async ensureTopics(topics: string[] = allTopics(this.stack)): Promise<void> {
    await this.admin.use(async (admin) => {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((topic) => !existing.has(topic));
      if (missing.length === 0) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: TOPIC_PARTITIONS,
          replicationFactor: this.replicationFactor,
        })),
      });
    });
  }

  close(): Promise<void> {
    return this.admin.close();
  }
}
