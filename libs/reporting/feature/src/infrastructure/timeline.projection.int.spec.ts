import { TopicByService, uuidV7, type EventEnvelope } from '@registry/contracts';
import {
  beginningOfAll,
  consumerSchemaSql,
  EventStore,
  eventStoreSchemaSql,
  inTransaction,
  rebuildProjection,
  verifyChain,
} from '@registry/event-store';
import { scratchDatabase, type ScratchDatabase } from '@registry/testing';
import type { Pool } from 'pg';
import { REPORTING_MIGRATIONS } from './reporting-migrations';
import { ReportingTimelineEnvelopeLessColumnsMigration } from './timeline-json.migration';
import {
  TIMELINE_ENVELOPE_COLUMNS,
  timelineEnvelope,
  TimelineProjection,
  type TimelineRow,
} from './timeline.projection';

const actor = { subject: 'kader-7', role: 'kader' } as const;

/** Runs migrations' SQL as MikroORM would. */
async function migrate(pool: Pool, migrations: ReadonlyArray<(typeof REPORTING_MIGRATIONS)[number]>): Promise<void> {
  for (const Migration of migrations) {
    const migration = new Migration(null as never, null as never);
    migration.up();
    for (const sql of migration.getQueries()) await pool.query(String(sql));
  }
}

describe('timeline projection', () => {
  const databases: ScratchDatabase[] = [];
  /** A database of its own, a source's or reporting's at some migration. */
  const database = async (role: string): Promise<Pool> => {
    const scratch = await scratchDatabase(`timeline_${role}`, 4);
    databases.push(scratch);
    return scratch.pool;
  };
  let store: EventStore;
  let events: EventEnvelope[];
  const childId = uuidV7();

  beforeAll(async () => {
    const intake = await database('intake');
    await intake.query(eventStoreSchemaSql);
    store = new EventStore(intake);
    // A child's measurement, corrected, and an event about no child, with awkward text in the data
    const measurementId = uuidV7();
    await store.append(`measurement-${measurementId}`, [
      {
        type: 'measurement.recorded',
        subjectId: childId,
        regencyCode: '36.03',
        actor,
        data: { measurementId, childId, heightCm: 74.5, note: 'Siti "Nur" \\ é😀' },
      },
      {
        type: 'measurement.corrected',
        subjectId: childId,
        regencyCode: '36.03',
        actor,
        data: { measurementId, childId, heightCm: 75 },
      },
    ]);
    await store.append('api-key-1', [{ type: 'api-key.issued', regencyCode: null, actor, data: { keyId: 'key-1' } }]);
    events = [...(await store.readAll({ after: beginningOfAll })).events];
  });
  afterAll(async () => {
    await Promise.all(databases.map((scratch) => scratch.drop()));
  });

  const timeline = async (pool: Pool): Promise<EventEnvelope[]> => {
    const { rows } = await pool.query<TimelineRow>(
      `SELECT ${TIMELINE_ENVELOPE_COLUMNS} FROM reporting_timeline WHERE child_id = $1 ORDER BY stream_version`,
      [childId],
    );
    return rows.map(timelineEnvelope);
  };
  const stored = async (pool: Pool) =>
    (await pool.query('SELECT * FROM reporting_timeline ORDER BY event_id')).rows as Record<string, unknown>[];

  it('keeps each event about a child whole, its chain verifiable, on the live path and in a rebuild alike', async () => {
    // Given reporting's database at its current schema
    const pool = await database('reporting');
    await migrate(pool, REPORTING_MIGRATIONS);
    await pool.query(consumerSchemaSql);
    const projection = new TimelineProjection();

    // When the consumer applies the events
    await inTransaction(pool, (client) => projection.applyBatch(events, client));

    // Then the child's events read back as the envelopes consumed, and their chain holds
    const childEvents = events.filter((event) => event.subjectId === childId);
    expect(await timeline(pool)).toEqual(childEvents);
    expect(verifyChain(await timeline(pool), 2)).toEqual({ ok: true, streamVersion: 2 });
    // And the text holds no field its columns hold
    const rows = await stored(pool);
    expect(rows).toHaveLength(2);
    const kept = ['type', 'schemaVersion', 'globalPosition', 'subjectId', 'occurredAt', 'recordedAt', 'regencyCode'];
    for (const row of rows) {
      expect(Object.keys(JSON.parse(row['envelope'] as string))).toEqual([
        ...kept,
        ...['actor', 'correlationId', 'causationId', 'data', 'previousHash', 'hash'],
      ]);
    }

    // And a rebuild from the store leaves the same rows, byte for byte
    await rebuildProjection({ pool, projection, sources: [{ topic: TopicByService.intake, store }] });
    expect(await stored(pool)).toEqual(rows);
  });

  it('rewrites the rows stored before the envelope lost its columns into the same envelopes', async () => {
    // Given reporting's database before that migration, and rows whose text was the whole envelope
    const pool = await database('reporting');
    await migrate(
      pool,
      REPORTING_MIGRATIONS.filter((migration) => migration !== ReportingTimelineEnvelopeLessColumnsMigration),
    );
    for (const event of events.filter((candidate) => candidate.subjectId === childId)) {
      await pool.query(
        `INSERT INTO reporting_timeline (event_id, child_id, topic, stream_id, stream_version, recorded_at, envelope)
         VALUES ($1, $2, 'intake', $3, $4, $5, $6)`,
        [event.eventId, childId, event.streamId, event.streamVersion, event.recordedAt, JSON.stringify(event)],
      );
    }

    // When the migration runs
    await migrate(pool, [ReportingTimelineEnvelopeLessColumnsMigration]);

    // Then they read back as the envelopes they were, and their chain still holds
    expect(await timeline(pool)).toEqual(events.filter((event) => event.subjectId === childId));
    expect(verifyChain(await timeline(pool), 2)).toEqual({ ok: true, streamVersion: 2 });
  });
});
