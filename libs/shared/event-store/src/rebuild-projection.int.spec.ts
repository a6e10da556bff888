import type { ScratchDatabase } from '@registry/testing';
import type { Kafka } from 'kafkajs';
import type { PoolClient } from 'pg';
import { EventCopiesProjection, measured, SubjectTotalsProjection } from '../test-support/fixtures';
import { createTestDatabase, createTestTopics, deleteTestTopics, testKafka } from '../test-support/infra';
import { waitUntil } from './wait-until';
import type { EventEnvelope } from '@registry/contracts';
import {
  BinaryCopy,
  EventStore,
  KafkaRelay,
  ProjectionConsumer,
  readRebuildProgress,
  rebuildProjection,
  type Projection,
} from './index';

// Kafka group joins need more than Jest's default 5 s.
jest.setTimeout(90_000);

describe('rebuildProjection', () => {
  let kafka: Kafka;
  let identityDb: ScratchDatabase;
  let intakeDb: ScratchDatabase;
  let reportingDb: ScratchDatabase;
  let topics: string[];

  beforeAll(async () => {
    kafka = testKafka('rebuild-int');
    [identityDb, intakeDb, reportingDb] = await Promise.all([
      createTestDatabase(5),
      createTestDatabase(5),
      createTestDatabase(5),
    ]);
    topics = await createTestTopics(kafka, 3, 'identity', 'intake');
  });
  afterAll(async () => {
    await deleteTestTopics(kafka, topics);
    await Promise.all([identityDb.drop(), intakeDb.drop(), reportingDb.drop()]);
  });

  const publishAll = async (db: ScratchDatabase, topic: string): Promise<void> => {
    const relay = new KafkaRelay({ pool: db.pool, kafka, topic });
    await relay.start();
    await waitUntil(async () => ((await relay.lag()) === 0 ? true : undefined), {
      timeoutMs: 30_000,
      describe: () => `relay to ${topic} behind`,
    });
    await relay.stop();
  };

  /** The identity and intake stores as the sources of a rebuild, with their topics. */
  const sourcesOf = (identity: EventStore, intake: EventStore) => [
    { topic: topics[0], store: identity },
    { topic: topics[1], store: intake },
  ];

  const claimsOf = async (consumerName: string): Promise<number> =>
    (
      await reportingDb.pool.query<{ claims: number }>(
        'SELECT count(*)::int AS claims FROM es_processed_events WHERE consumer_name = $1',
        [consumerName],
      )
    ).rows[0].claims;

  /** Runs the projection's consumer until it has applied everything its topics hold, then stops it. */
  const consume = async (projection: Projection): Promise<ProjectionConsumer> => {
    const consumer = new ProjectionConsumer({ pool: reportingDb.pool, kafka, topics, projection });
    await consumer.start();
    await consumer.waitForCaughtUp({ timeoutMs: 60_000 });
    await consumer.stop();
    return consumer;
  };

  it('rebuilds from the event stores the same state the consumer built incrementally, and stays consistent after', async () => {
    // Given two services' stores with events for overlapping subjects, published to their topics
    const identity = new EventStore(identityDb.pool);
    const intake = new EventStore(intakeDb.pool);
    for (let i = 0; i < 60; i += 1) {
      await identity.append(`child-${i % 7}`, [measured(i)]);
      await intake.appendMany([
        { streamId: `measurement-${i}`, events: [measured(i * 2, { subjectId: `child-${i % 7}` })] },
      ]);
    }
    await Promise.all([publishAll(identityDb, topics[0]), publishAll(intakeDb, topics[1])]);

    // And a reporting projection built incrementally by its consumer
    const projection = new SubjectTotalsProjection('report_totals');
    await reportingDb.pool.query(projection.createTableSql());
    await consume(projection);
    const incremental = await projection.rows(reportingDb.pool);
    expect(incremental).toHaveLength(7);
    expect(incremental.reduce((sum, row) => sum + row.events, 0)).toBe(120);

    // When the projection's table is damaged and the projection is rebuilt from both stores
    await reportingDb.pool.query(`UPDATE ${projection.tables[0]} SET events = 0, sum_n = 0`);
    const { applied } = await rebuildProjection({
      pool: reportingDb.pool,
      projection,
      sources: sourcesOf(identity, intake),
      batchSize: 25,
    });

    // Then it applied every event once and equals the incremental state
    expect(applied).toBe(120);
    expect(await projection.rows(reportingDb.pool)).toEqual(incremental);

    // And when more events arrive and the consumer resumes, they are applied once and nothing earlier twice
    await identity.append('child-0', [measured(1_000)]);
    await publishAll(identityDb, topics[0]);
    const resumed = await consume(projection);
    expect(resumed.metrics()).toMatchObject({ applied: 1, duplicatesSkipped: 0 });
    const after = await projection.rows(reportingDb.pool);
    expect(after.find((row) => row.subject_id === 'child-0')).toEqual({
      ...incremental.find((row) => row.subject_id === 'child-0'),
      events: (incremental.find((row) => row.subject_id === 'child-0')?.events ?? 0) + 1,
      sum_n: String(Number(incremental.find((row) => row.subject_id === 'child-0')?.sum_n) + 1_000),
    });
  });

  it('applies once what waited in Kafka during a rebuild: it is below the watermark, the resumed consumer skips it', async () => {
    // Given a projection built by its consumer, then events stored and published that it has not consumed
    const identity = new EventStore(identityDb.pool);
    const intake = new EventStore(intakeDb.pool);
    const projection = new SubjectTotalsProjection('waiting_totals');
    await reportingDb.pool.query(projection.createTableSql());
    await consume(projection);
    const claimsBefore = await claimsOf(projection.name);
    for (let i = 0; i < 5; i += 1) await identity.append(`child-${i}`, [measured(2_000 + i)]);
    await publishAll(identityDb, topics[0]);

    // When it is rebuilt twice (the second time over the tables of the first) and its consumer resumes
    await rebuildProjection({ pool: reportingDb.pool, projection, sources: sourcesOf(identity, intake), batchSize: 7 });
    const rebuilt = await projection.rows(reportingDb.pool);
    await rebuildProjection({ pool: reportingDb.pool, projection, sources: sourcesOf(identity, intake) });
    const resumed = await consume(projection);

    // Then the waiting events were applied by the rebuilds only, which claimed no event one by one
    expect(resumed.metrics()).toMatchObject({ applied: 0, duplicatesSkipped: 5 });
    expect(await projection.rows(reportingDb.pool)).toEqual(rebuilt);
    expect(await claimsOf(projection.name)).toBe(claimsBefore);
  });

  it('leaves to the consumer what committed after the rebuild began, and skips old messages without the header', async () => {
    // Given a projection rebuilt while a transaction appending to one of its stores was still open
    const identity = new EventStore(identityDb.pool);
    const intake = new EventStore(intakeDb.pool);
    const projection = new SubjectTotalsProjection('overlapping_totals');
    await reportingDb.pool.query(projection.createTableSql());
    await publishAll(identityDb, topics[0]);
    await publishAll(intakeDb, topics[1]);
    const overlapping = measured(3_000, { subjectId: 'child-overlap' });
    const { applied } = await identity.withTransaction(async (session) => {
      await session.append('child-overlap', [overlapping]);
      return rebuildProjection({ pool: reportingDb.pool, projection, sources: sourcesOf(identity, intake) });
    });
    expect((await projection.rows(reportingDb.pool)).find((row) => row.subject_id === 'child-overlap')).toBeUndefined();

    // And a message as relays sent them before the transaction-id header: an event the rebuild applied, again
    const [old] = (await identity.readAll({ limit: 1 })).events;
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: topics[0], messages: [{ key: old.subjectId, value: JSON.stringify(old) }] });
    await producer.disconnect();

    // When the overlapping event is published and the consumer runs over everything its topics hold
    await publishAll(identityDb, topics[0]);
    const consumer = await consume(projection);

    // Then it applied the overlapping event only: every other message was below the rebuild's watermark
    expect(consumer.metrics()).toMatchObject({ applied: 1, duplicatesSkipped: applied + 1 });
    expect((await projection.rows(reportingDb.pool)).find((row) => row.subject_id === 'child-overlap')).toEqual({
      subject_id: 'child-overlap',
      events: 1,
      sum_n: '3000',
    });
  });

  it('copies the rows of a projection defined in SQL from the sources: the rows its consumer keeps, byte for byte', async () => {
    // Given a projection whose rows its consumer built from everything both topics hold, events of other types too
    const identity = new EventStore(identityDb.pool);
    const intake = new EventStore(intakeDb.pool);
    await intake.append('measurement-other', [
      measured(1, { type: 'SomethingElse', data: { n: 5, note: 'tab\tand "quote"' } }),
    ]);
    await publishAll(identityDb, topics[0]);
    await publishAll(intakeDb, topics[1]);
    const projection = new EventCopiesProjection('copied');
    await reportingDb.pool.query(projection.createTableSql());
    await consume(projection);
    const incremental = await projection.rows(reportingDb.pool);
    expect(incremental.length).toBeGreaterThan(100);
    expect(incremental.every((row) => JSON.parse(row.envelope).eventId === row.event_id)).toBe(true);

    // When it is rebuilt while a transaction appending to one of the stores is still open
    const { applied } = await identity.withTransaction(async (session) => {
      await session.append('child-copy', [measured(4_000, { subjectId: 'child-copy' })]);
      return rebuildProjection({ pool: reportingDb.pool, projection, sources: sourcesOf(identity, intake) });
    });

    // Then it holds the same rows, copied, one per event of the type its SQL admits
    expect(applied).toBe(incremental.length);
    expect(await projection.rows(reportingDb.pool)).toEqual(incremental);

    // And the event that committed after the rebuild began is left to the consumer, which applies it alone
    await publishAll(identityDb, topics[0]);
    const resumed = await consume(projection);
    expect(resumed.metrics()).toMatchObject({ applied: 1 });
    expect((await projection.rows(reportingDb.pool)).filter((row) => row.subject_id === 'child-copy')).toHaveLength(1);
  });

  const progressOf = async (projection: string) =>
    (await readRebuildProgress(reportingDb.pool)).find((row) => row.projection === projection);

  it('records its progress outside its transaction as it goes, and its outcome at the end, for /metrics', async () => {
    // Given a store with events, and a projection whose rebuild stops at its 11th event until the test lets it go on
    const source = new EventStore(identityDb.pool);
    const { rows } = await identityDb.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM es_events');
    const inner = new SubjectTotalsProjection('progress_totals');
    await reportingDb.pool.query(inner.createTableSql());
    let goOn!: () => void;
    const held = new Promise<void>((resolve) => (goOn = resolve));
    let seen = 0;
    const projection: Projection = {
      name: inner.name,
      tables: inner.tables,
      apply: async (event: EventEnvelope, client: PoolClient) => {
        seen += 1;
        if (seen === 11) await held;
        await inner.apply(event, client);
      },
    };

    // When it rebuilds in batches of 10
    const rebuilding = rebuildProjection({
      pool: reportingDb.pool,
      projection,
      sources: [{ topic: topics[0], store: source }],
      batchSize: 10,
    });

    // Then, while it is held, its first batch is visible outside its transaction, out of every event of the store
    const running = await waitUntil(
      async () => {
        const row = await progressOf('progress_totals');
        return row?.appliedEvents ? row : undefined;
      },
      { timeoutMs: 10_000, describe: () => 'no progress recorded' },
    );
    expect(running).toMatchObject({ state: 'running', sourceEvents: rows[0].count, appliedEvents: 10 });

    // And once it commits, it is finished with every event applied
    goOn();
    const { applied } = await rebuilding;
    expect(applied).toBe(rows[0].count);
    expect(await progressOf('progress_totals')).toMatchObject({
      state: 'finished',
      sourceEvents: applied,
      appliedEvents: applied,
    });
  });

  it('leaves the projection untouched when an event fails during the rebuild', async () => {
    // Given a projection rebuilt from a store, and then an event it cannot apply appended to that store
    const source = new EventStore(intakeDb.pool);
    const projection = new SubjectTotalsProjection('failing_totals');
    await reportingDb.pool.query(projection.createTableSql());
    await rebuildProjection({ pool: reportingDb.pool, projection, sources: [{ topic: topics[1], store: source }] });
    const before = await projection.rows(reportingDb.pool);
    expect(before.length).toBeGreaterThan(0);
    await source.append('measurement-bad', [measured(1, { data: { n: 'not a number' } })]);

    // When the projection is rebuilt again / Then the rebuild fails and the previous state is intact
    await expect(
      rebuildProjection({ pool: reportingDb.pool, projection, sources: [{ topic: topics[1], store: source }] }),
    ).rejects.toThrow(/invalid input syntax/);
    expect(await projection.rows(reportingDb.pool)).toEqual(before);
    expect(await progressOf('failing_totals')).toMatchObject({ state: 'failed' });
  });

  it('fails, and leaves the projection as it was, when an event fails while a COPY is open on the connection', async () => {
    // Given a projection rebuilt from a store, whose rebuild streams rows through one COPY it opens at the start
    const sourceDb = await createTestDatabase(2);
    const source = new EventStore(sourceDb.pool);
    for (let i = 0; i < 10; i += 1) await source.append(`child-${i % 3}`, [measured(i)]);
    const base = new SubjectTotalsProjection('copying_totals');
    await reportingDb.pool.query(base.createTableSql());
    await rebuildProjection({
      pool: reportingDb.pool,
      projection: base,
      sources: [{ topic: topics[1], store: source }],
    });
    const before = await base.rows(reportingDb.pool);
    let copy: BinaryCopy | null = null;
    const projection = Object.assign(Object.create(base) as SubjectTotalsProjection, {
      startRebuild: async (client: PoolClient) => {
        copy = BinaryCopy.start(client, base.tables[0], [
          ['subject_id', 'text'],
          ['events', 'int4'],
          ['sum_n', 'int4'],
        ]);
      },
      applyRebuildBatch: async (events: readonly EventEnvelope[]) => {
        for (const event of events) {
          const { n } = event.data as { n: unknown };
          if (typeof n !== 'number') throw new Error(`not a number: ${String(n)}`);
          copy!.add([event.eventId, 1, n]);
        }
      },
    });
    await source.append('measurement-not-a-number', [measured(1, { data: { n: 'none' } })]);

    // When it is rebuilt / Then the rebuild fails with the projection's error instead of waiting on the open COPY
    await expect(
      rebuildProjection({ pool: reportingDb.pool, projection, sources: [{ topic: topics[1], store: source }] }),
    ).rejects.toThrow('not a number: none');
    expect(await base.rows(reportingDb.pool)).toEqual(before);
    expect(before.length).toBe(3);
    await sourceDb.drop();
  });

  it('drops the indexes a projection defers during its rebuild and creates them again as they were', async () => {
    // Given a store of its own, and a projection whose table has a lookup index it defers on rebuild
    const sourceDb = await createTestDatabase(5);
    const source = new EventStore(sourceDb.pool);
    for (let i = 0; i < 30; i += 1) await source.append(`child-${i % 4}`, [measured(i)]);
    const base = new SubjectTotalsProjection('deferring_totals');
    await reportingDb.pool.query(base.createTableSql());
    await reportingDb.pool.query(`CREATE INDEX deferring_totals_events_idx ON ${base.tables[0]} (events DESC, sum_n)`);
    const indexDefinition = async () =>
      (
        await reportingDb.pool.query<{ indexdef: string }>(
          `SELECT indexdef FROM pg_indexes WHERE indexname = 'deferring_totals_events_idx'`,
        )
      ).rows.map((row) => row.indexdef);
    const before = await indexDefinition();
    const indexesDuringRebuild: string[][] = [];
    const projection = Object.assign(Object.create(base) as SubjectTotalsProjection, {
      indexesDeferredOnRebuild: ['deferring_totals_events_idx'],
      finishRebuild: async (client: PoolClient) => {
        indexesDuringRebuild.push(
          (await client.query(`SELECT indexname FROM pg_indexes WHERE tablename = $1`, [base.tables[0]])).rows.map(
            (row) => row.indexname,
          ),
        );
      },
    });

    // When it is rebuilt
    const { applied } = await rebuildProjection({
      pool: reportingDb.pool,
      projection,
      sources: [{ topic: topics[1], store: source }],
    });

    // Then it holds every event and the index is back, defined as before, by the time the projection finishes
    expect(applied).toBe(30);
    expect((await base.rows(reportingDb.pool)).reduce((sum, row) => sum + row.events, 0)).toBe(applied);
    expect(indexesDuringRebuild).toEqual([expect.arrayContaining(['deferring_totals_events_idx'])]);
    expect(await indexDefinition()).toEqual(before);
    expect(before).toHaveLength(1);

    // And rebuilt with finish: false (a later step redoes its finish), the indexes are back but finishRebuild is not run
    await rebuildProjection({
      pool: reportingDb.pool,
      projection,
      sources: [{ topic: topics[1], store: source }],
      finish: false,
    });
    expect(indexesDuringRebuild).toHaveLength(1);
    expect(await indexDefinition()).toEqual(before);

    // And a deferred index that does not exist fails the rebuild, naming it, and leaves the projection as it was
    const rows = await base.rows(reportingDb.pool);
    const misnamed = Object.assign(Object.create(base) as SubjectTotalsProjection, {
      indexesDeferredOnRebuild: ['no_such_idx'],
    });
    await expect(
      rebuildProjection({
        pool: reportingDb.pool,
        projection: misnamed,
        sources: [{ topic: topics[1], store: source }],
      }),
    ).rejects.toThrow(/no index named no_such_idx/);
    expect(await base.rows(reportingDb.pool)).toEqual(rows);
    await sourceDb.drop();
  });
});
