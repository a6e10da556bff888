import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

// Proves that kafkajs 2.2.4 speaks the Kafka 4.x broker started by infra/kafka/kafka.sh: topic admin,
// an idempotent acks=all producer, and a consumer group (the classic protocol); on one node or a cluster.
describe('the Kafka broker from infra/kafka', () => {
  const brokers = process.env['KAFKA_BROKERS']!.split(',');
  const kafka = new Kafka({
    clientId: 'broker-check',
    brokers,
    logLevel: logLevel.NOTHING,
  });
  const topic = `test.broker-check.${randomUUID()}`;

  afterAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('carries keyed messages through an idempotent producer to a consumer group, in order per key', async () => {
    const admin = kafka.admin();
    await admin.connect();
    const cluster = await admin.describeCluster();
    expect(cluster.brokers).toHaveLength(brokers.length);
    const replicationFactor = Number(process.env['KAFKA_REPLICATION_FACTOR'] ?? 1);
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 12, replicationFactor }] });
    await admin.disconnect();

    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const sent = Array.from({ length: 30 }, (_, i) => ({ key: `child-${i % 3}`, value: String(i) }));
    await producer.send({ topic, acks: -1, messages: sent });
    await producer.disconnect();

    const consumer = kafka.consumer({
      groupId: `broker-check-${randomUUID()}`,
      sessionTimeout: 6000,
      heartbeatInterval: 500,
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: Array<{ key: string; value: string }> = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          received.push({ key: message.key!.toString(), value: message.value!.toString() });
          if (received.length === sent.length) resolve();
        },
      });
    });
    await consumer.disconnect();

    for (const key of ['child-0', 'child-1', 'child-2']) {
      expect(received.filter((m) => m.key === key).map((m) => m.value)).toEqual(
        sent.filter((m) => m.key === key).map((m) => m.value),
      );
    }
  });
});
