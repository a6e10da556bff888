import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { scratchDatabase, type ScratchDatabase } from '@registry/testing';
import { consumerSchemaSql, ensureTopics, eventStoreSchemaSql } from '../src';
import { waitUntil } from '../src/wait-until';

/** Test infrastructure: every test file gets its own database and its own topics on the shared servers. */

export const uniqueSuffix = (): string => randomBytes(4).toString('hex');

/** A fresh database with the event-store and consumer schemas installed. */
export async function createTestDatabase(poolSize = 10): Promise<ScratchDatabase> {
  const database = await scratchDatabase('es', poolSize);
  await database.pool.query(eventStoreSchemaSql);
  await database.pool.query(consumerSchemaSql);
  return database;
}

export function testKafka(clientId: string): Kafka {
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS is not set: run infra/up.sh');
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
}

/** Topic names unique to one test file, with their dead-letter topics created too. */
export async function createTestTopics(kafka: Kafka, partitions: number, ...names: string[]): Promise<string[]> {
  const suffix = uniqueSuffix();
  const topics = names.map((name) => `es-test.${suffix}.${name}`);
  await ensureTopics(
    kafka,
    topics.flatMap((topic) => [topic, `${topic}.dlq`]),
    partitions,
  );
  return topics;
}

export async function deleteTestTopics(kafka: Kafka, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteTopics({ topics: topics.flatMap((topic) => [topic, `${topic}.dlq`]) });
  } finally {
    await admin.disconnect();
  }
}

export async function messageCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
  } finally {
    await admin.disconnect();
  }
}

export async function waitForMessageCount(
  kafka: Kafka,
  topic: string,
  atLeast: number,
  timeoutMs = 30_000,
): Promise<number> {
  let count = 0;
  return waitUntil(
    async () => {
      try {
        count = await messageCount(kafka, topic);
      } catch (error) {
        // A new topic's leaders, or a restarted broker's, may not be known yet ("not the leader"): ask again.
        if ((error as { retriable?: boolean }).retriable) return undefined;
        throw error;
      }
      return count >= atLeast ? count : undefined;
    },
    { timeoutMs, intervalMs: 100, describe: () => `${topic} holds ${count} messages, expected at least ${atLeast}` },
  );
}

export type TopicMessage = KafkaMessage & {
  readonly partition: number;
};

/** Every message now in the topic, per partition in offset order, read by a throw-away consumer group. */
export async function readTopic(kafka: Kafka, topic: string, timeoutMs = 30_000): Promise<TopicMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `es-test-reader-${uniqueSuffix()}`;
  const consumer = kafka.consumer({ groupId });
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    const remaining = new Map(
      offsets
        .filter(({ high, low }) => Number(high) > Number(low))
        .map(({ partition, high }) => [partition, Number(high) - 1]),
    );
    const messages: TopicMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        messages.push({ ...message, partition });
        if (Number(message.offset) >= (remaining.get(partition) ?? Infinity)) remaining.delete(partition);
      },
    });
    await waitUntil(async () => (remaining.size === 0 ? true : undefined), {
      timeoutMs,
      describe: () => `reading ${topic}: partitions ${[...remaining.keys()].join(', ')} not read to the end`,
    });
    return messages;
  } finally {
    await consumer.disconnect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

export const headerText = (message: KafkaMessage, name: string): string | undefined =>
  message.headers?.[name]?.toString();
