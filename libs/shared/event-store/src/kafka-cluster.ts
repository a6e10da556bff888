import type { Admin, Kafka } from 'kafkajs';

/**
 * The id of the Kafka cluster a client talks to. A relay checkpoint and a consumer offset are only true of the
 * cluster that acknowledged them: a wiped or replaced cluster has another id, and both start over on it.
 */
export class KafkaCluster {
  private admin?: Admin;

  constructor(private readonly kafka: Kafka) {}

  /** Asks the brokers (a metadata request); throws when none answers. */
  async id(): Promise<string> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      await admin.connect();
      this.admin = admin;
    }
    try {
      return (await this.admin.describeCluster()).clusterId;
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
