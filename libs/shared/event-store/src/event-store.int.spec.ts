import type { ScratchDatabase } from '@registry/testing';
import { uuidV7, type EventEnvelope } from '@registry/contracts';
import { measured } from '../test-support/fixtures';
import { createTestDatabase } from '../test-support/infra';
import {
  ConcurrentAppendError,
  EventIdReuseError,
  EventStore,
  ExpectedVersionConflictError,
  beginningOfAll,
  envelopeJsonSql,
  eventHash,
} from './index';

describe('EventStore (PostgreSQL)', () => {
  let db: ScratchDatabase;
  let store: EventStore;
  const now = new Date(Date.UTC(2026, 10, 22, 8, 0, 0));

  beforeAll(async () => {
    db = await createTestDatabase(15);
    store = new EventStore(db.pool, { clock: () => now });
  });
  afterAll(() => db.drop());

  it('appends with the injected clock, numbers versions and reads the stream back', async () => {
    // Given an empty stream / When two events are appended, then a third
    const first = await store.append('child-a', [measured(1), measured(2)], { expectedVersion: 'no_stream' });
    const second = await store.append('child-a', [measured(3)], { expectedVersion: 2 });

    // Then versions continue, recordedAt is the injected clock, and the stream reads back equal to what append returned
    expect(first.streamVersion).toBe(2);
    expect(second.streamVersion).toBe(3);
    expect(BigInt(second.globalPosition)).toBeGreaterThan(BigInt(first.globalPosition));
    expect(second.events[0].recordedAt).toBe(now.toISOString());
    expect(await store.readStream('child-a')).toEqual([...first.events, ...second.events]);
    expect((await store.readStream('child-a', { fromVersion: 3 })).map((event) => event.streamVersion)).toEqual([3]);
  });

  it('hashes every event as eventHash does in TypeScript, whatever the text of its fields', async () => {
    // Given events whose every text field holds quotes, backslashes, control characters and non-ASCII text
    const awkward = 'Siti "Nur" \\ Aisyah\t\n\u0001 é 😀 \u2028';
    const events = [
      measured(1, {
        data: { name: awkward, list: [1.5, -0, 1e-7, 1.5e300, null, { z: true, a: [] }], '10': 1, '2': 2 },
        actor: { subject: awkward, role: 'kader', apiKeyId: 'k"1' },
        correlationId: awkward,
        causationId: `cause ${awkward}`,
        subjectId: `subject ${awkward}`,
        occurredAt: '2026-11-22T15:00:00.123+07:00',
      }),
      measured(2, { regencyCode: undefined, causationId: undefined, type: `type ${awkward}` }),
    ];

    // When they are appended to a stream whose id is awkward too, in two appends (so one has a previous hash)
    const stream = `stream ${awkward}`;
    await store.append(stream, events.slice(0, 1), { expectedVersion: 'no_stream' });
    await store.append(stream, events.slice(1), { expectedVersion: 1 });

    // Then what the store hashed is what TypeScript hashes from the stored envelopes, and the chain verifies
    const stored = await store.readStream(stream);
    expect(stored.map(({ hash, ...rest }) => eventHash(rest) === hash)).toEqual([true, true]);
    expect(await store.verifyStream(stream)).toEqual({ ok: true, streamVersion: 2 });
    // and instants read back in UTC, as Date.toISOString writes them
    expect(stored[0].occurredAt).toBe(new Date('2026-11-22T15:00:00.123+07:00').toISOString());
  });

  it('rejects a stale expected version with a typed conflict and writes nothing', async () => {
    // Given a stream at version 1
    await store.append('child-b', [measured(1)], { expectedVersion: 'no_stream' });

    // When a writer that still believes it is new appends, and another one expecting version 0
    const stale = store.append('child-b', [measured(2)], { expectedVersion: 'no_stream' });
    const older = store.append('child-b', [measured(2)], { expectedVersion: 0 });

    // Then both fail with the stream id and both versions, and the stream is unchanged
    await expect(stale).rejects.toThrow(ExpectedVersionConflictError);
    await expect(older).rejects.toMatchObject({ streamId: 'child-b', expected: 0, actual: 1 });
    expect(await store.readStream('child-b')).toHaveLength(1);
  });

  it('treats the same event ids again as a no-op that returns the first result', async () => {
    // Given an append whose events carry their own ids
    const events = [measured(1, { eventId: uuidV7() }), measured(2, { eventId: uuidV7() })];
    const first = await store.append('child-c', events, { expectedVersion: 'no_stream' });

    // When the same append is repeated (a client retry), even with its now stale expected version
    const repeated = await store.append('child-c', events, { expectedVersion: 'no_stream' });

    // Then it answers what the first one answered and stores nothing new
    expect(repeated).toEqual(first);
    expect(await store.readStream('child-c')).toHaveLength(2);

    // And ids reused in a different append are refused
    await expect(store.append('child-c', [events[0], measured(3)])).rejects.toThrow(EventIdReuseError);
    await expect(store.append('child-other', events)).rejects.toThrow(EventIdReuseError);
  });

  it('appends to many streams in one transaction, all or nothing', async () => {
    // Given one existing stream
    await store.append('bulk-1', [measured(1)]);

    // When a bulk append touches it with a stale version among fresh streams
    const failing = store.appendMany([
      { streamId: 'bulk-2', events: [measured(1)], expectedVersion: 'no_stream' },
      { streamId: 'bulk-1', events: [measured(2)], expectedVersion: 0 },
    ]);

    // Then nothing of it is stored
    await expect(failing).rejects.toThrow(ExpectedVersionConflictError);
    expect(await store.readStream('bulk-2')).toEqual([]);

    // When a valid bulk append repeats a stream and adds 50 new ones
    const results = await store.appendMany([
      { streamId: 'bulk-1', events: [measured(2)], expectedVersion: 1 },
      ...Array.from({ length: 50 }, (_, i) => ({
        streamId: `bulk-new-${i}`,
        events: [measured(1), measured(2)],
        expectedVersion: 'no_stream' as const,
      })),
      { streamId: 'bulk-1', events: [measured(3)], expectedVersion: 2 },
    ]);

    // Then every request got its result and every stream its events, with one global order
    expect(results).toHaveLength(52);
    expect(results[0].streamVersion).toBe(2);
    expect(results[51].streamVersion).toBe(3);
    expect(await store.readStream('bulk-new-49')).toHaveLength(2);
    const positions = results.flatMap((result) => result.events.map((event) => BigInt(event.globalPosition)));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    expect((await store.verifyStream('bulk-1')).ok).toBe(true);
  });

  it('lets bulk appends over the same streams in opposite orders run concurrently without deadlock', async () => {
    // Given 20 streams / When 8 bulk appends over all of them, half in reverse order, run at once
    const streams = Array.from({ length: 20 }, (_, i) => `contended-${i}`);
    const bulk = (order: string[]) => store.appendMany(order.map((streamId) => ({ streamId, events: [measured(1)] })));
    await Promise.all(Array.from({ length: 8 }, (_, i) => bulk(i % 2 ? [...streams].reverse() : streams)));

    // Then every stream holds 8 events in an intact chain
    for (const streamId of streams) expect(await store.verifyStream(streamId)).toEqual({ ok: true, streamVersion: 8 });
  });

  it('appends nothing, and answers no results, when given no requests', async () => {
    // Given a session (a batch whose every item was refused) / When it appends no requests / Then nothing is stored
    const before = await db.pool.query('SELECT count(*)::int AS n FROM es_events');
    await expect(store.withTransaction((session) => session.appendMany([]))).resolves.toEqual([]);
    await expect(store.appendMany([])).resolves.toEqual([]);
    expect((await db.pool.query('SELECT count(*)::int AS n FROM es_events')).rows).toEqual(before.rows);
  });

  it('lets large appends of many fresh streams run in concurrent transactions without deadlock', async () => {
    // Given four transactions, each appending to 1,200 new streams in one call (the store cuts it into slices), in a
    // database of their own (the readAll tests below count on the positions this file has used so far)
    const own = await createTestDatabase(6);
    const bulk = new EventStore(own.pool);
    const append = () =>
      bulk.withTransaction((session) =>
        session.appendMany(
          Array.from({ length: 1200 }, () => ({
            streamId: `bulk-${uuidV7()}`,
            expectedVersion: 'no_stream' as const,
            events: [measured(1)],
          })),
        ),
      );

    // When they run at once / Then every one commits, each stream at version 1
    try {
      const results = await Promise.all([append(), append(), append(), append()]);
      expect(results.map((result) => result.length)).toEqual([1200, 1200, 1200, 1200]);
      expect(results.flat().every((result) => result.streamVersion === 1)).toBe(true);
    } finally {
      await own.drop();
    }
  });

  it('serialises racing writers that create the same stream', async () => {
    // When 10 writers append to one new stream at once with expectedVersion 'any'
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.append('child-raced', [measured(i)])));

    // Then all 10 events are stored, versions 1..10, chain intact
    expect((await store.readStream('child-raced')).map((event) => event.streamVersion)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(await store.verifyStream('child-raced')).toEqual({ ok: true, streamVersion: 10 });
  });

  it('lets exactly one of racing writers create a new stream; the others meet a version conflict', async () => {
    // When 10 writers create one stream at once ('no_stream': its keys, not a lock, settle the race)
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        store.append('child-created', [measured(i)], { expectedVersion: 'no_stream' }),
      ),
    );

    // Then one is stored, the other nine are told the stream exists, and the chain is intact
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(refused.every((reason) => reason instanceof ExpectedVersionConflictError)).toBe(true);
    expect(await store.readStream('child-created')).toHaveLength(1);
    expect(await store.verifyStream('child-created')).toEqual({ ok: true, streamVersion: 1 });
  });

  it("commits the caller's own write and the events atomically", async () => {
    // Given a service table
    await db.pool.query('CREATE TABLE children (id text PRIMARY KEY, name text NOT NULL)');

    // When a unit of work writes state and events, and a second one fails after appending
    await store.withTransaction(async (session) => {
      await session.client.query("INSERT INTO children VALUES ('child-d', 'Ayu')");
      await session.append('child-d', [measured(1)], { expectedVersion: 'no_stream' });
    });
    const failed = store.withTransaction(async (session) => {
      await session.client.query("INSERT INTO children VALUES ('child-e', 'Budi')");
      await session.append('child-e', [measured(1)]);
      throw new Error('validation failed after append');
    });

    // Then the first is fully stored and the second not at all
    await expect(failed).rejects.toThrow('validation failed after append');
    expect((await db.pool.query('SELECT id FROM children ORDER BY id')).rows).toEqual([{ id: 'child-d' }]);
    expect(await store.readStream('child-d')).toHaveLength(1);
    expect(await store.readStream('child-e')).toEqual([]);
  });

  it('appends inside a transaction opened on a client the caller owns', async () => {
    // Given a connection in a transaction the caller controls
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await store.session(client).append('child-f', [measured(1)]);

      // Then the events are invisible to others until the caller commits
      expect(await store.readStream('child-f')).toEqual([]);
      await client.query('COMMIT');
      expect(await store.readStream('child-f')).toEqual(result.events);
    } finally {
      client.release();
    }
  });

  it('refuses an append that would be published before an earlier commit to the same stream', async () => {
    // Given a transaction that took its transaction id early (it wrote its own state first)
    await store.append('child-g', [measured(1)]);
    const early = await db.pool.connect();
    try {
      await early.query('BEGIN');
      await early.query('SELECT pg_current_xact_id()');

      // When another transaction appends to the stream and commits, and then the early one appends
      await store.append('child-g', [measured(2)]);
      const late = store.session(early).append('child-g', [measured(3)], { expectedVersion: 2 });

      // Then it is told to retry (the relay orders by transaction id: it would publish v3 before v2)
      await expect(late).rejects.toMatchObject({ constructor: ConcurrentAppendError, reason: 'transaction-order' });
    } finally {
      await early.query('ROLLBACK');
      early.release();
    }
  });

  describe('readAll', () => {
    it('orders numerically, not as text, when positions gain a digit', async () => {
      // Given a reader at the end, and the next positions about to cross from 2 to 3 digits
      let cursor = beginningOfAll;
      for (
        let batch = await store.readAll({ after: cursor });
        batch.events.length > 0;
        batch = await store.readAll({ after: cursor })
      ) {
        cursor = batch.next;
      }
      await db.pool.query("SELECT setval('es_events_global_position_seq', 995)");

      // When one append takes positions 996..1005 / Then they are read in that order, in pages too
      const { events } = await store.append(
        'digits',
        Array.from({ length: 10 }, (_, i) => measured(i)),
      );
      const firstPage = await store.readAll({ after: cursor, limit: 5 });
      const secondPage = await store.readAll({ after: firstPage.next, limit: 5 });
      expect([...firstPage.events, ...secondPage.events].map((event) => event.globalPosition)).toEqual(
        events.map((event) => event.globalPosition),
      );
      expect(events[9].globalPosition).toBe('1005');
    });

    it('never skips an event whose transaction commits after a later position was read', async () => {
      // Given a reader that has consumed everything so far
      let cursor = beginningOfAll;
      for (
        let batch = await store.readAll({ after: cursor });
        batch.events.length > 0;
        batch = await store.readAll({ after: cursor })
      ) {
        cursor = batch.next;
      }
      const early = await db.pool.connect();
      const slow = await db.pool.connect();
      try {
        // Given a transaction A that got its transaction id first, and a transaction B that takes a LOWER
        // position than A and stays open
        await early.query('BEGIN');
        await early.query('SELECT pg_current_xact_id()');
        await slow.query('BEGIN');
        const inSlow = await store.session(slow).append('order-slow', [measured(1)]);
        const inEarly = await store.session(early).append('order-early', [measured(1)]);
        expect(BigInt(inSlow.globalPosition)).toBeLessThan(BigInt(inEarly.globalPosition));

        // When A commits, the reader reads A's (higher) position
        await early.query('COMMIT');
        const first = await store.readAll({ after: cursor });
        expect(first.events.map((event) => event.streamId)).toEqual(['order-early']);

        // And then B commits its lower position
        await slow.query('COMMIT');
        const second = await store.readAll({ after: first.next });

        // Then the reader still gets B
        expect(second.events.map((event) => event.streamId)).toEqual(['order-slow']);
      } finally {
        early.release();
        slow.release();
      }
    });

    it('holds back events of transactions younger than a running one', async () => {
      let cursor = beginningOfAll;
      for (
        let batch = await store.readAll({ after: cursor });
        batch.events.length > 0;
        batch = await store.readAll({ after: cursor })
      ) {
        cursor = batch.next;
      }
      const running = await db.pool.connect();
      try {
        // Given an open transaction that appended
        await running.query('BEGIN');
        await store.session(running).append('held-running', [measured(1)]);

        // When a younger transaction appends and commits
        await store.append('held-younger', [measured(1)]);

        // Then nothing is readable yet; after the commit both are, oldest transaction first
        expect((await store.readAll({ after: cursor })).events).toEqual([]);
        await running.query('COMMIT');
        const batch = await store.readAll({ after: cursor });
        expect(batch.events.map((event) => event.streamId)).toEqual(['held-running', 'held-younger']);
      } finally {
        running.release();
      }
    });

    it('reads only the fields asked for (and what upcasting and a watermark need), with the values of a full read', async () => {
      // Given events in the store
      await store.append('fields-a', [measured(1), measured(2, { causationId: uuidV7() })]);

      // When all events are read whole, and with only their recording instant and stream version
      const whole: EventEnvelope[] = [];
      const some: EventEnvelope[] = [];
      for (const [into, fields] of [
        [whole, undefined],
        [some, ['recordedAt', 'streamVersion'] as const],
      ] as const) {
        for (let after = beginningOfAll; ;) {
          const batch = await store.readAll({ after, fields, limit: 3 });
          if (batch.events.length === 0) break;
          into.push(...batch.events);
          after = batch.next;
        }
      }

      // Then the partial envelopes are the whole ones cut to those fields
      const cut = ['type', 'schemaVersion', 'data', 'globalPosition', 'recordedAt', 'streamVersion'] as const;
      expect(some).toEqual(whole.map((event) => Object.fromEntries(cut.map((field) => [field, event[field]]))));
      expect(some.length).toBeGreaterThan(1);
    });

    it('answers the same events as JSON text (what the relay publishes), written as JSON.stringify writes the envelopes', async () => {
      // Given events with and without a regency, a causation, a previous hash, and data of awkward JSON
      let cursor = beginningOfAll;
      for (
        let batch = await store.readAll({ after: cursor });
        batch.events.length > 0;
        batch = await store.readAll({ after: cursor })
      ) {
        cursor = batch.next;
      }
      await store.append('json-a', [
        measured(1, { regencyCode: undefined, causationId: uuidV7() }),
        measured(2, {
          data: { name: 'Siti "Nur" \\ Aisyah é😀', tiny: 1e-7, huge: 1.5e300, nested: { list: [null, false, -0.5] } },
          occurredAt: '2026-11-22T15:00:00.123+07:00',
        }),
      ]);
      await store.append('json-b', [measured(3, { correlationId: 'corr-"quoted"\t\u0001\u001f\u007f\u2028' })]);

      // When both reads run from the same cursor
      const envelopes = await store.readAll({ after: cursor });
      const texts = await store.readAllAsJson({ after: cursor });

      // Then each text is the envelope as JSON.stringify writes it (the timeline keeps either, byte for byte), and
      // the cursor and message fields agree
      expect(texts.events.map((event) => event.json)).toEqual(envelopes.events.map((event) => JSON.stringify(event)));
      // And so is the envelope less some fields (the timeline keeps those in columns)
      const { rows: less } = await db.pool.query<{ json: string }>(
        `SELECT ${envelopeJsonSql(['eventId', 'streamVersion', 'hash'])} AS json FROM es_events
          WHERE global_position = ANY($1::bigint[]) ORDER BY global_position`,
        [envelopes.events.map((event) => event.globalPosition)],
      );
      expect(less.map((row) => row.json)).toEqual(
        envelopes.events.map((event) =>
          JSON.stringify({ ...event, eventId: undefined, streamVersion: undefined, hash: undefined }),
        ),
      );
      expect(texts.next).toEqual(envelopes.next);
      expect(
        texts.events.map(({ eventId, type, schemaVersion, subjectId, correlationId }) => ({
          eventId,
          type,
          schemaVersion,
          subjectId,
          correlationId,
        })),
      ).toEqual(
        envelopes.events.map(({ eventId, type, schemaVersion, subjectId, correlationId }) => ({
          eventId,
          type,
          schemaVersion,
          subjectId,
          correlationId,
        })),
      );
    });
  });

  it('detects an event edited in SQL and names it', async () => {
    // Given an intact stream of three events
    const { events } = await store.append('child-h', [measured(1), measured(2), measured(3)]);
    expect(await store.verifyStream('child-h')).toEqual({ ok: true, streamVersion: 3 });

    // When someone edits the second event's data directly in the database
    await db.pool.query(`UPDATE es_events SET data = jsonb_set(data::jsonb, '{heightCm}', '95') WHERE event_id = $1`, [
      events[1].eventId,
    ]);

    // Then verification names that event
    expect(await store.verifyStream('child-h')).toEqual({
      ok: false,
      brokenAt: { eventId: events[1].eventId, streamVersion: 2, reason: 'hash-mismatch' },
    });
  });

  it('detects a deleted last event', async () => {
    const { events } = await store.append('child-i', [measured(1), measured(2)]);
    await db.pool.query('DELETE FROM es_events WHERE event_id = $1', [events[1].eventId]);
    expect(await store.verifyStream('child-i')).toEqual({
      ok: false,
      brokenAt: { eventId: null, streamVersion: 2, reason: 'missing-event' },
    });
  });
});
