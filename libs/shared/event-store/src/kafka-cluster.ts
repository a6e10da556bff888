import type { Admin, Kafka } from 'kafkajs';

/**
 * A Kafka admin client connected on first use. A failed call drops it, so the next call connects afresh: the old
 * one may hold connections to brokers that are gone (a restarted or replaced cluster).
 */
export class LazyAdmin {
  private admin?: Admin;

  constructor(private readonly kafka: Kafka) {}

  async use<T>(call: (admin: Admin) => Promise<T>): Promise<T> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    try {
      return await call(this.admin);
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await admin?.disconnect().catch(() => undefined);
  }
}

/**
 * The id of the Kafka cluster a client talks to. A relay checkpoint and a consumer offset are only true of the
 * cluster that acknowledged them: a wiped or replaced cluster has another id, and both start over on it.
 */
export class KafkaCluster {
  private readonly admin: LazyAdmin;

  constructor(kafka: Kafka) {
    this.admin = new LazyAdmin(kafka);
  }

  /** Asks the brokers (a metadata request); throws when none answers. */
  async id(): Promise<string> {
    return (await this.admin.use((admin) => admin.describeCluster())).clusterId;
  }

  /** The partitions of a topic, as the brokers know them now. */
  async partitionCount(topic: string): Promise<number> {
    const { topics } = await this.admin.use((admin) => admin.fetchTopicMetadata({ topics: [topic] }));
    return topics[0].partitions.length;
  }

  close(): Promise<void> {
    return this.admin.close();
  }
}
