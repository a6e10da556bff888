import type { ScratchDatabase } from '@registry/testing';
import type { Kafka } from 'kafkajs';
import type { EventEnvelope } from '@registry/contracts';
import { ChildScript } from '../test-support/child-process';
import { measured, SubjectTotalsProjection } from '../test-support/fixtures';
import {
  createTestDatabase,
  createTestTopics,
  deleteTestTopics,
  headerText,
  messageCount,
  readTopic,
  testKafka,
  waitForMessageCount,
  type TopicMessage,
} from '../test-support/infra';
import { waitUntil } from './wait-until';
import { EventStore, KafkaRelay, ProjectionConsumer, eventHash } from './index';

// Kafka group joins and the 2 s slow transaction need more than Jest's default 5 s.
jest.setTimeout(90_000);

const until = async (relay: KafkaRelay, timeoutMs = 60_000): Promise<void> => {
  let lag = -1;
  await waitUntil(
    async () => {
      lag = await relay.lag();
      return lag === 0 ? true : undefined;
    },
    { timeoutMs, intervalMs: 50, describe: () => `relay still ${lag} events behind after ${timeoutMs} ms` },
  );
};

const envelopeOf = (message: TopicMessage): EventEnvelope =>
  JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope;

describe('KafkaRelay (PostgreSQL → Kafka)', () => {
  // Each test gets its own store database (a relay publishes everything in its database) and its own topic.
  let db: ScratchDatabase;
  let kafka: Kafka;
  let store: EventStore;
  const topics: string[] = [];

  beforeAll(() => {
    kafka = testKafka('relay-int');
  });
  beforeEach(async () => {
    db = await createTestDatabase(30);
    store = new EventStore(db.pool);
  });
  afterEach(() => db.drop());
  afterAll(() => deleteTestTopics(kafka, topics));

  const newTopic = async (partitions = 6): Promise<string> => {
    const [topic] = await createTestTopics(kafka, partitions, 'events');
    topics.push(topic);
    return topic;
  };
  const relayFor = (topic: string, batchSize = 100): KafkaRelay =>
    new KafkaRelay({ pool: db.pool, kafka, topic, batchSize, pollIntervalMs: 200 });

  it('publishes every event of concurrent writers and a slow early transaction, in order per key, none missing', async () => {
    // Given a running relay
    const topic = await newTopic();
    const relay = relayFor(topic);
    await relay.start();

    // Given a slow transaction that takes low positions first and commits last
    const slow = await db.pool.connect();
    let slowEventIds: string[];
    try {
      await slow.query('BEGIN');
      const slowAppend = await store.session(slow).append('slow-child', [measured(1), measured(2), measured(3)]);
      slowEventIds = slowAppend.events.map((event) => event.eventId);
      const sleeping = slow.query('SELECT pg_sleep(1)');

      // When 20 writers append 50 single events each, contending on 10 shared streams
      const written = await Promise.all(
        Array.from({ length: 20 }, async (_, writer) => {
          const positions: bigint[] = [];
          for (let i = 0; i < 50; i += 1) {
            const { globalPosition } = await store.append(`child-${(writer + i) % 10}`, [measured(i)]);
            positions.push(BigInt(globalPosition));
          }
          return positions;
        }),
      );
      await sleeping;

      // (the trap is set: 1,000 events with higher positions are committed, the slow transaction is still open,
      // and the relay has held all of them back instead of publishing past the slow one)
      expect(written.flat().every((position) => position > BigInt(slowAppend.globalPosition))).toBe(true);
      expect(await relay.lag()).toBe(1_000);
      expect(await messageCount(kafka, topic)).toBe(0);
      await slow.query('COMMIT');
    } finally {
      slow.release();
    }
    await until(relay);
    await relay.stop();

    // Then Kafka holds each of the 1,003 events exactly once
    const messages = await readTopic(kafka, topic);
    const ids = messages.map((message) => headerText(message, 'event-id'));
    expect(messages).toHaveLength(1_003);
    expect(new Set(ids).size).toBe(1_003);
    expect(ids).toEqual(expect.arrayContaining(slowEventIds));

    // And each key's events are in stream-version order within their partition
    const versionsByKey = new Map<string, number[]>();
    for (const message of messages) {
      const envelope = envelopeOf(message);
      versionsByKey.set(envelope.subjectId, [...(versionsByKey.get(envelope.subjectId) ?? []), envelope.streamVersion]);
    }
    expect(versionsByKey.size).toBe(11);
    for (const [key, versions] of versionsByKey) {
      expect({ key, versions }).toEqual({ key, versions: versions.map((_, i) => i + 1) });
    }
    expect(await relay.lag()).toBe(0);
  });

  it('publishes the envelope keyed by subject with tracing headers, verifiable by its hash', async () => {
    // Given an appended event with a correlation id / When the relay publishes it
    const topic = await newTopic(2);
    const relay = relayFor(topic);
    const correlationId = '0190f0a0-1b2c-7d3e-8f40-123456789abc';
    const { events } = await store.append('headers-stream', [measured(1, { subjectId: 'child-42', correlationId })]);
    await relay.start();
    await until(relay);
    await relay.stop();

    // Then key, headers and value are as specified
    const [message] = (await readTopic(kafka, topic)).filter((m) => headerText(m, 'event-id') === events[0].eventId);
    expect(message.key?.toString()).toBe('child-42');
    expect(headerText(message, 'event-type')).toBe('MeasurementRecorded');
    expect(headerText(message, 'schema-version')).toBe('1');
    expect(headerText(message, 'correlation-id')).toBe(correlationId);
    expect(headerText(message, 'traceparent')).toMatch(/^00-0190f0a01b2c7d3e8f40123456789abc-[0-9a-f]{16}-01$/);
    const { hash, ...unsigned } = envelopeOf(message);
    expect(envelopeOf(message)).toEqual(events[0]);
    expect(eventHash(unsigned)).toBe(hash);
  });

  it('resumes from its checkpoint after a clean restart without republishing', async () => {
    // Given a relay that published 40 events and was stopped
    const topic = await newTopic(3);
    const first = relayFor(topic, 15);
    await first.start();
    for (let i = 0; i < 40; i += 1) await store.append(`resume-${i % 4}`, [measured(i)]);
    await until(first);
    await first.stop();
    const alreadyOnTopic = await messageCount(kafka, topic);

    // When 25 more events are appended while it is down, and a new relay starts
    for (let i = 40; i < 65; i += 1) await store.append(`resume-${i % 4}`, [measured(i)]);
    expect(await first.lag()).toBe(25);
    const second = relayFor(topic, 15);
    await second.start();
    await until(second);
    await second.stop();

    // Then exactly the missing ones were added
    expect(await messageCount(kafka, topic)).toBe(alreadyOnTopic + 25);
  });

  it('republishes a batch that was acknowledged but not checkpointed when the relay was killed; the consumer dedupes', async () => {
    // Given 300 events and the checkpoint table locked, so a relay blocks right after its first acknowledged batch
    const topic = await newTopic(4);
    for (let i = 0; i < 30; i += 1) {
      await store.appendMany(
        Array.from({ length: 10 }, (_, s) => ({ streamId: `killed-${s}`, events: [measured(i)] })),
      );
    }
    const locker = await db.pool.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE es_relay_checkpoints IN EXCLUSIVE MODE');
    const child = new ChildScript('relay.child.ts', { STORE_DATABASE_URL: db.url, TOPIC: topic, BATCH_SIZE: '100' });
    try {
      await waitForMessageCount(kafka, topic, 100);
      const blockedBackend = await waitUntil(
        async () => {
          const { rows } = await db.pool.query<{ pid: number }>(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%es_relay_checkpoints%'",
          );
          return rows[0]?.pid;
        },
        { timeoutMs: 10_000, describe: () => 'the relay never blocked on its checkpoint write' },
      );

      // When the relay process is killed between the broker's acknowledgement and its checkpoint (with its
      // database session: a backend waiting on a lock would otherwise finish the write after its client died)
      await child.kill();
      await db.pool.query('SELECT pg_terminate_backend($1)', [blockedBackend]);
      await waitUntil(
        async () =>
          (await db.pool.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [blockedBackend])).rowCount === 0
            ? true
            : undefined,
        { timeoutMs: 10_000, describe: () => `backend ${blockedBackend} did not end` },
      );
    } finally {
      await child.kill();
      await locker.query('ROLLBACK');
      locker.release();
    }
    const { rows: checkpoints } = await db.pool.query('SELECT 1 FROM es_relay_checkpoints WHERE relay_name = $1', [
      topic,
    ]);
    expect(checkpoints).toEqual([]);

    // And a new relay starts from the last checkpoint, and a consumer projects the topic
    const relay = relayFor(topic);
    await relay.start();
    await until(relay);
    await relay.stop();
    const projection = new SubjectTotalsProjection('killed_relay');
    await db.pool.query(projection.createTableSql());
    const consumer = new ProjectionConsumer({
      pool: db.pool,
      kafka,
      topics: [topic],
      projection,
      groupId: `${topic}.projection`,
    });
    await consumer.start();
    try {
      await consumer.waitForCaughtUp({ timeoutMs: 30_000 });
    } finally {
      await consumer.stop();
    }

    // Then the first batch is on Kafka twice (at least once), and the projection counts every event exactly once
    expect(await messageCount(kafka, topic)).toBe(400);
    expect(consumer.metrics()).toMatchObject({ applied: 300, duplicatesSkipped: 100 });
    const expected = Array.from({ length: 10 }, (_, s) => ({
      subject_id: `killed-${s}`,
      events: 30,
      sum_n: String((29 * 30) / 2),
    }));
    expect(await projection.rows(db.pool)).toEqual(expected);
  });
});
