import type { ScratchDatabase } from '@registry/testing';
import { Partitioners, type Kafka } from 'kafkajs';
import type { PoolClient } from 'pg';
import type { EventEnvelope } from '@registry/contracts';
import { ChildScript } from '../test-support/child-process';
import { BatchingSubjectTotalsProjection, measured, SubjectTotalsProjection } from '../test-support/fixtures';
import {
  createTestDatabase,
  createTestTopics,
  deleteTestTopics,
  headerText,
  readTopic,
  testKafka,
} from '../test-support/infra';
import { waitUntil } from './wait-until';
import { EventStore, KafkaRelay, ProjectionConsumer, Upcasters, type Logger, type Projection } from './index';

// Kafka group joins (and a dead member's session expiry) need more than Jest's default 5 s.
jest.setTimeout(90_000);

describe('ProjectionConsumer (Kafka → PostgreSQL)', () => {
  let db: ScratchDatabase;
  let kafka: Kafka;
  let store: EventStore;
  const topics: string[] = [];

  // Each test gets its own database (a relay publishes everything in its database) and its own topic.
  beforeAll(() => {
    kafka = testKafka('consumer-int');
  });
  beforeEach(async () => {
    db = await createTestDatabase(10);
    store = new EventStore(db.pool);
  });
  afterEach(() => db.drop());
  afterAll(() => deleteTestTopics(kafka, topics));

  /** Appends the events to a fresh stream and publishes them to a fresh topic through a real relay. */
  const publish = async (partitions: number, streamId: string, events: Parameters<EventStore['append']>[1]) => {
    const [topic] = await createTestTopics(kafka, partitions, 'events');
    topics.push(topic);
    const { events: appended } = await store.append(streamId, events);
    const relay = new KafkaRelay({ pool: db.pool, kafka, topic });
    await relay.start();
    await waitUntil(async () => ((await relay.lag()) === 0 ? true : undefined), {
      timeoutMs: 30_000,
      describe: () => 'relay did not catch up',
    });
    await relay.stop();
    return { topic, appended };
  };

  it('changes nothing when a consumer killed after its PostgreSQL commit but before its Kafka commit gets a redelivery', async () => {
    // Given five events of one subject on a one-partition topic (so they arrive in one fetch batch)
    const subject = 'child-killed';
    const { topic, appended } = await publish(
      1,
      subject,
      [1, 2, 3, 4, 5].map((n) => measured(n)),
    );
    const projection = new SubjectTotalsProjection('killed_consumer');
    await db.pool.query(projection.createTableSql());
    const groupId = `${topic}.killed`;

    // Given a consumer process that committed events 1 and 2 to PostgreSQL (its first chunk) and hangs inside
    // apply() of event 3
    const child = new ChildScript('hanging-consumer.child.ts', {
      CHUNK_SIZE: '2',
      PROJECTION_DATABASE_URL: db.url,
      TOPIC: topic,
      GROUP_ID: groupId,
      PROJECTION_NAME: projection.name,
      HANG_ON_EVENT_ID: appended[2].eventId,
    });
    try {
      await child.waitForLine(/^hanging on /);
      const { rows: processed } = await db.pool.query(
        'SELECT event_id FROM es_processed_events WHERE consumer_name = $1',
        [projection.name],
      );
      expect(processed.map((row) => row.event_id).sort()).toEqual([appended[0].eventId, appended[1].eventId].sort());
      const admin = kafka.admin();
      await admin.connect();
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      await admin.disconnect();
      expect(committed.partitions).toEqual([expect.objectContaining({ partition: 0, offset: '-1' })]);

      // When the process is killed there
      await child.kill();
    } finally {
      await child.kill();
    }

    // And a new consumer of the same group takes over (Kafka redelivers from the last Kafka commit: event 1)
    const consumer = new ProjectionConsumer({ pool: db.pool, kafka, topics: [topic], projection, groupId });
    await consumer.start();
    try {
      await consumer.waitForCaughtUp({ timeoutMs: 60_000 });
    } finally {
      await consumer.stop();
    }

    // Then events 1 and 2 were redelivered and skipped, and the projection counts every event once
    expect(consumer.metrics()).toMatchObject({ applied: 3, duplicatesSkipped: 2, deadLettered: 0 });
    expect(await projection.rows(db.pool)).toEqual([{ subject_id: subject, events: 5, sum_n: '15' }]);
  });

  it('passes by the event types a projection does not handle, claiming none of them, and still reaches the end', async () => {
    // Given handled and other events interleaved, ending with a run of others (a chunk of nothing to apply)
    const ignored = (n: number) => measured(n, { type: 'ChildPhotographed' });
    const { topic, appended } = await publish(1, 'child-mixed', [
      measured(1),
      ignored(2),
      ignored(3),
      measured(4),
      ignored(5),
      ignored(6),
      ignored(7),
    ]);
    class MeasurementsOnly extends SubjectTotalsProjection {
      handles(type: string): boolean {
        return type === 'MeasurementRecorded';
      }
    }
    const projection = new MeasurementsOnly('mixed_consumer');
    await db.pool.query(projection.createTableSql());

    // When a consumer with chunks of three reads the topic
    const consumer = new ProjectionConsumer({ pool: db.pool, kafka, topics: [topic], projection, chunkSize: 3 });
    await consumer.start();
    try {
      await consumer.waitForCaughtUp({ timeoutMs: 60_000 });
    } finally {
      await consumer.stop();
    }

    // Then only the handled events were applied and claimed, and the stored offset is the partition's last
    expect(await projection.rows(db.pool)).toEqual([{ subject_id: 'child-mixed', events: 2, sum_n: '5' }]);
    const { rows: claimed } = await db.pool.query('SELECT event_id FROM es_processed_events WHERE consumer_name = $1', [
      projection.name,
    ]);
    expect(claimed.map((row) => row.event_id).sort()).toEqual([appended[0].eventId, appended[3].eventId].sort());
    const { rows: offsets } = await db.pool.query<{ offset: string }>(
      'SELECT "offset"::text AS "offset" FROM es_consumer_offsets WHERE consumer_name = $1',
      [projection.name],
    );
    expect(offsets).toEqual([{ offset: '6' }]);
  });

  it("applies the small batches of many partitions that one fetch brings in one transaction, each partition's offset stored", async () => {
    // Given one event on each of twelve partitions, all on the topic before the consumer starts (one fetch brings them)
    const [topic] = await createTestTopics(kafka, 12, 'spread');
    topics.push(topic);
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const appended = [];
    for (let partition = 0; partition < 12; partition += 1) {
      const { events } = await store.append(`child-spread-${partition}`, [measured(partition)]);
      appended.push(events[0]);
      await producer.send({
        topic,
        messages: [{ partition, key: events[0].subjectId, value: JSON.stringify(events[0]) }],
      });
    }
    await producer.disconnect();
    // A projection that notes the transaction each event was applied in
    const projection: Projection = {
      name: 'spread_consumer',
      tables: ['spread_consumer_applied'],
      apply: async (event, client) => {
        await client.query('INSERT INTO spread_consumer_applied VALUES ($1, pg_current_xact_id()::text)', [
          event.eventId,
        ]);
      },
    };
    await db.pool.query('CREATE TABLE spread_consumer_applied (event_id uuid PRIMARY KEY, transaction_id text)');

    // When a consumer reads the topic
    const consumer = new ProjectionConsumer({ pool: db.pool, kafka, topics: [topic], projection });
    await consumer.start();
    try {
      await consumer.waitForCaughtUp({ timeoutMs: 60_000 });
    } finally {
      await consumer.stop();
    }

    // Then every event was applied once, nearly all in one transaction, and every partition's offset is stored
    const { rows } = await db.pool.query<{ event_id: string; transaction_id: string }>(
      'SELECT event_id, transaction_id FROM spread_consumer_applied',
    );
    expect(rows.map((row) => row.event_id).sort()).toEqual(appended.map((event) => event.eventId).sort());
    expect(new Set(rows.map((row) => row.transaction_id)).size).toBeLessThanOrEqual(3);
    const { rows: offsets } = await db.pool.query(
      'SELECT partition FROM es_consumer_offsets WHERE consumer_name = $1',
      [projection.name],
    );
    expect(offsets).toHaveLength(12);
  });

  it('hands chunks to a projection with applyBatch, never a duplicate, and ends as apply() on each event would', async () => {
    // Given ten events of two subjects on a one-partition topic, and a copy of the fourth message in the same batch
    const { topic } = await publish(
      1,
      'child-batched',
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => measured(n, n % 3 === 0 ? { subjectId: 'child-other' } : {})),
    );
    const [fourth] = (await readTopic(kafka, topic)).slice(3, 4);
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, messages: [{ key: fourth.key, value: fourth.value, headers: fourth.headers }] });
    await producer.disconnect();

    // When one consumer applies them event by event, one in chunks of 4 through applyBatch, and one whose first
    // chunk fails (so it is rolled back and replayed message by message through apply())
    const perEvent = new SubjectTotalsProjection('per_event');
    const batched = new BatchingSubjectTotalsProjection('batched');
    const failing = new BatchingSubjectTotalsProjection('batched_failing', 1);
    for (const projection of [perEvent, batched, failing]) await db.pool.query(projection.createTableSql());
    for (const projection of [perEvent, batched, failing]) {
      const consumer = new ProjectionConsumer({ pool: db.pool, kafka, topics: [topic], projection, chunkSize: 4 });
      await consumer.start();
      try {
        await consumer.waitForCaughtUp({ timeoutMs: 60_000 });
      } finally {
        await consumer.stop();
      }
      expect(consumer.metrics()).toMatchObject({ applied: 10, duplicatesSkipped: 1, deadLettered: 0 });
    }

    // Then the batched projection got chunks of at most 4 fresh events, 10 in all, the copy not among them
    expect(batched.chunks.every((size) => size <= 4)).toBe(true);
    expect(batched.chunks.some((size) => size > 1)).toBe(true);
    expect(batched.chunks.reduce((sum, size) => sum + size, 0)).toBe(10);
    // And every projection holds the same totals, each event counted once
    const expected = await perEvent.rows(db.pool);
    expect(expected).toEqual([
      { subject_id: 'child-batched', events: 7, sum_n: '37' },
      { subject_id: 'child-other', events: 3, sum_n: '18' },
    ]);
    expect(await batched.rows(db.pool)).toEqual(expected);
    expect(await failing.rows(db.pool)).toEqual(expected);
  });

  it('dead-letters an event that keeps failing, records and counts it, logs no event data, and goes on', async () => {
    // Given a projection that cannot handle one event, whose error message quotes the event's data
    const poison = { n: 2, diagnosis: 'severely-stunted-SECRET' };
    const { topic, appended } = await publish(2, 'child-poisoned', [
      measured(1),
      measured(2, { data: poison }),
      measured(3),
    ]);
    // And a message on the topic that is not an event envelope at all
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'garbage', value: 'not json' }] });
    await producer.disconnect();

    const totals = new SubjectTotalsProjection('poisoned');
    await db.pool.query(totals.createTableSql());
    const projection: Projection = {
      name: totals.name,
      tables: totals.tables,
      apply: async (event, client) => {
        if ((event.data as { diagnosis?: string }).diagnosis)
          throw new Error(`cannot project ${JSON.stringify(event.data)}`);
        await totals.apply(event, client);
      },
    };
    const logged: unknown[] = [];
    const logger: Logger = {
      info: (...entry) => logged.push(entry),
      warn: (...entry) => logged.push(entry),
      error: (...entry) => logged.push(entry),
    };

    // When the consumer runs with 3 attempts per event
    const consumer = new ProjectionConsumer({
      pool: db.pool,
      kafka,
      topics: [topic],
      projection,
      maxAttempts: 3,
      retryDelayMs: 10,
      logger,
    });
    await consumer.start();
    try {
      await consumer.waitForCaughtUp({ timeoutMs: 30_000 });
    } finally {
      await consumer.stop();
    }

    // Then the poisoned event was tried 3 times and dead-lettered, the garbage at once, and the others applied
    expect(consumer.metrics()).toEqual({ applied: 2, duplicatesSkipped: 0, failedAttempts: 3, deadLettered: 2 });
    expect(await consumer.deadLetterCount()).toBe(2);
    expect(await totals.rows(db.pool)).toEqual([{ subject_id: 'child-poisoned', events: 2, sum_n: '4' }]);
    const deadLetters = await consumer.listDeadLetters();
    expect(deadLetters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          eventId: appended[1].eventId,
          eventType: 'MeasurementRecorded',
          attempts: 3,
          errorType: 'Error',
          topic,
        }),
        expect.objectContaining({ eventId: null, eventType: null, attempts: 1, errorType: 'TypeError', topic }),
      ]),
    );
    expect(deadLetters).toHaveLength(2);

    // And the dead-letter topic holds both, with the original headers and the error headers
    const dead = await readTopic(kafka, `${topic}.dlq`);
    expect(dead).toHaveLength(2);
    const deadEvent = dead.find((message) => headerText(message, 'event-id') === appended[1].eventId);
    expect(deadEvent && headerText(deadEvent, 'dlq-attempts')).toBe('3');
    expect(deadEvent && headerText(deadEvent, 'dlq-consumer')).toBe('poisoned');
    expect(deadEvent && headerText(deadEvent, 'dlq-source-topic')).toBe(topic);
    expect(deadEvent && headerText(deadEvent, 'dlq-error-message')).toContain('cannot project');

    // And it was logged as an error by event id, while no log line carries the event's data
    expect(logged).toContainEqual([
      'event dead-lettered',
      expect.objectContaining({ eventId: appended[1].eventId, attempts: 3 }),
    ]);
    expect(JSON.stringify(logged)).not.toContain('SECRET');
  });

  it('upcasts old schema versions before the projection sees them', async () => {
    // Given events stored at schema v1 (height in cm) and v2 (height in mm)
    const { topic } = await publish(2, 'child-upcast', [
      measured(1, { schemaVersion: 1, data: { heightCm: 80.5 } }),
      measured(2, { schemaVersion: 2, data: { heightMm: 905 } }),
    ]);
    const seen: { schemaVersion: number; data: unknown }[] = [];
    const projection: Projection = {
      name: 'upcast-recorder',
      tables: [],
      apply: async (event: EventEnvelope, _client: PoolClient) => {
        seen.push({ schemaVersion: event.schemaVersion, data: event.data });
      },
    };
    const upcasters = new Upcasters().register('MeasurementRecorded', 1, (data) => ({
      heightMm: Math.round((data as { heightCm: number }).heightCm * 10),
    }));

    // When the consumer projects them
    const consumer = new ProjectionConsumer({ pool: db.pool, kafka, topics: [topic], projection, upcasters });
    await consumer.start();
    try {
      await consumer.waitForCaughtUp({ timeoutMs: 30_000 });
    } finally {
      await consumer.stop();
    }

    // Then the projection only ever saw v2
    expect(seen).toEqual([
      { schemaVersion: 2, data: { heightMm: 805 } },
      { schemaVersion: 2, data: { heightMm: 905 } },
    ]);
  });

  it('reports its lag per partition: the messages not handled yet, none once caught up', async () => {
    // Given three events on a two-partition topic and a consumer that has not run yet
    const { topic } = await publish(2, 'child-lagging', [measured(1), measured(2), measured(3)]);
    const projection = new SubjectTotalsProjection('lagging');
    await db.pool.query(projection.createTableSql());
    const consumer = new ProjectionConsumer({ pool: db.pool, kafka, topics: [topic], projection });
    const total = (lags: Awaited<ReturnType<ProjectionConsumer['lag']>>) => lags.reduce((sum, p) => sum + p.lag, 0);
    try {
      // Then every partition is listed, and all three events are behind
      const before = await consumer.lag();
      expect(before.map(({ topic: t, partition }) => [t, partition])).toEqual([
        [topic, 0],
        [topic, 1],
      ]);
      expect(total(before)).toBe(3);

      // When it runs and catches up / Then no partition lags
      await consumer.start();
      await consumer.waitForCaughtUp({ timeoutMs: 30_000 });
      expect(total(await consumer.lag())).toBe(0);
    } finally {
      await consumer.stop();
    }
  });

  it('says which partitions are behind when it does not catch up in time', async () => {
    // Given a topic with an event and a consumer that was never started
    const { topic } = await publish(1, 'child-behind', [measured(1)]);
    const consumer = new ProjectionConsumer({
      pool: db.pool,
      kafka,
      topics: [topic],
      projection: new SubjectTotalsProjection('never_started'),
    });

    // When waiting for it / Then it rejects naming the partition and the offsets
    await expect(consumer.waitForCaughtUp({ timeoutMs: 300 })).rejects.toThrow(
      `consumer never_started did not catch up within 300 ms; behind on ${topic}[0] at none of 0`,
    );
  });
});
