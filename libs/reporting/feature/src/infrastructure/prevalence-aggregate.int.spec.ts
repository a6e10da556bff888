import { TopicByService, uuidV7, type EventEnvelope } from '@registry/contracts';
import {
  consumerSchemaSql,
  EventStore,
  inTransaction,
  rebuildProjection,
  type AllStreamReader,
} from '@registry/event-store';
import { loadRegions } from '@registry/reference-data';
import { INDICATORS, parsePeriod, type AgeGroup, type IndicatorName } from '@registry/reporting-domain';
import { scratchDatabase, type ScratchDatabase } from '@registry/testing';
import type { Pool, PoolClient } from 'pg';
import { PrevalenceQuery, type GroupBy } from '../reports/prevalence.query';
import { ReportingChildrenProjection } from './children.projection';
import { ReportingMeasurementsProjection } from './measurements.projection';
import { buildPrevalenceCounts, PREVALENCE_COUNT_TABLES } from './prevalence-aggregate';
import { REPORTING_MIGRATIONS } from './reporting-migrations';

/** A small deterministic generator, so a failing run can be replayed with its seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seed = Number(process.env['PREVALENCE_SEED'] ?? Date.now() % 100_000);
const random = prng(seed);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const places = ['36.03', '36.04', '32.04'].flatMap((regency) =>
  [1, 2].flatMap((d) =>
    [1, 2, 3].map((v) => ({
      regencyCode: regency,
      districtCode: `${regency}.0${d}`,
      villageCode: `${regency}.0${d}.200${v}`,
    })),
  ),
);

let clock = Date.parse('2025-01-01T00:00:00Z');
function envelope(type: string, streamId: string, streamVersion: number, data: object): EventEnvelope {
  clock += 1000;
  const at = new Date(clock).toISOString();
  return {
    eventId: uuidV7(),
    type,
    schemaVersion: 1,
    streamId,
    streamVersion,
    globalPosition: String(clock),
    subjectId: (data as { childId: string }).childId,
    occurredAt: at,
    recordedAt: at,
    regencyCode: '36.03',
    actor: { subject: 'test', role: 'admin' },
    correlationId: uuidV7(),
    causationId: null,
    data,
    previousHash: null,
    hash: 'h',
  } as EventEnvelope;
}

/** A judged measurement with random classes, flags and missing z-scores; ages around 24 months, dates across years. */
function judged(measurementId: string, childId: string) {
  const place = pick(places);
  const measuredOn = `${pick(['2024', '2025'])}-${pick(['01', '02', '08', '12'])}-${pick(['01', '15', '28'])}`;
  const indicator = (name: IndicatorName) => {
    const cls = random() < 0.1 ? null : pick(Object.values(INDICATORS[name].classes));
    return {
      z: cls === null ? null : Math.round((random() * 8 - 4) * 100) / 100,
      cls,
      flag: cls !== null && random() < 0.1,
    };
  };
  const [haz, whz, waz] = [indicator('stunting'), indicator('wasting'), indicator('underweight')];
  const code = (cls: string | null) => (cls === null ? null : { code: cls, label: cls });
  return {
    measurementId,
    childId,
    measuredOn,
    ageDays: pick([100, 500, 729, 730, 731, 1000, 1826, 1827, 1900]),
    oedema: false,
    puskesmasCode: pick(['PKM-A', 'PKM-B']),
    // null: weighed at no posyandu (a puskesmas visit), counted under ''.
    posyanduCode: pick(['PSY-1', 'PSY-2', null]),
    ...place,
    zScores: { heightForAge: haz.z, weightForHeight: whz.z, weightForAge: waz.z },
    classifications: { heightForAge: code(haz.cls), weightForHeight: code(whz.cls), weightForAge: code(waz.cls) },
    flags: { heightForAge: haz.flag, weightForHeight: whz.flag, weightForAge: waz.flag },
  };
}

/** Measurement streams: records, corrections (some to another date or child), voids, a correction after a void. */
function measurementEvents(children: readonly string[], count: number): EventEnvelope[] {
  const events: EventEnvelope[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = uuidV7();
    let childId = pick(children);
    let version = 1;
    events.push(envelope('measurement.recorded', `measurement-${id}`, version, judged(id, childId)));
    for (const step of ['a', 'b', 'c']) {
      const roll = random();
      if (roll < 0.25) {
        if (random() < 0.1) childId = pick(children);
        version += 1;
        events.push(envelope('measurement.corrected', `measurement-${id}`, version, judged(id, childId)));
      } else if (roll < 0.35) {
        version += 1;
        events.push(envelope('measurement.voided', `measurement-${id}`, version, { measurementId: id, childId }));
      } else if (step === 'a') break;
    }
  }
  return events;
}

/** Merges and unmerges, some chained (a record merged into one that is itself merged later). */
function childEvents(children: readonly string[], count: number): EventEnvelope[] {
  const events: EventEnvelope[] = [];
  const mergedInto = new Map<string, string>();
  for (let i = 0; i < count; i += 1) {
    const childId = pick(children);
    const into = mergedInto.get(childId);
    if (into && random() < 0.6) {
      mergedInto.delete(childId);
      events.push(envelope('child.unmerged', `child-${childId}`, i + 1, { childId, fromChildId: into, reason: 'x' }));
    } else if (!into) {
      const intoChildId = pick(children.filter((other) => other !== childId));
      mergedInto.set(childId, intoChildId);
      events.push(envelope('child.merged', `child-${childId}`, i + 1, { childId, intoChildId, reason: 'x' }));
    }
  }
  return events;
}

describe(`prevalence aggregate (seed ${seed})`, () => {
  let scratch: ScratchDatabase;
  let pool: Pool;
  let query: PrevalenceQuery;

  beforeAll(async () => {
    scratch = await scratchDatabase('reporting', 4);
    pool = scratch.pool;
    for (const Migration of REPORTING_MIGRATIONS) {
      const migration = new Migration(null as never, null as never);
      migration.up();
      for (const sql of migration.getQueries()) await pool.query(String(sql));
    }
    await pool.query(consumerSchemaSql);
    query = new PrevalenceQuery(new EventStore(pool), loadRegions());
  });
  afterAll(async () => {
    await scratch.drop();
  });

  /** Each event in its own transaction, as the consumer applies it. */
  const applyAll = async (
    projection: { apply(event: EventEnvelope, client: PoolClient): Promise<void> },
    events: readonly EventEnvelope[],
  ) => {
    for (const event of events) await inTransaction(pool, (client) => projection.apply(event, client));
  };

  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        PREVALENCE_COUNT_TABLES.map(async (table) => {
          const { rows } = await pool.query(`SELECT * FROM ${table} ORDER BY ${table}::text`);
          return [table, rows] as const;
        }),
      ),
    );

  /**
   * Chunks of random sizes (1 to 60), each in its own transaction through applyBatch, as the live consumer hands them
   * over; with `redeliver`, some events already applied come again in a later chunk (the projection must ignore
   * them as apply() does).
   */
  const applyInChunks = async (
    projection: { applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> },
    events: readonly EventEnvelope[],
    redeliver: boolean,
  ) => {
    for (let start = 0; start < events.length;) {
      const size = 1 + Math.floor(random() * 60);
      const chunk = events.slice(start, start + size);
      if (redeliver && start > 0 && random() < 0.3) chunk.push(...events.slice(Math.max(0, start - 5), start));
      start += size;
      await inTransaction(pool, (client) => projection.applyBatch(chunk, client));
    }
  };

  /** The events in the order given, in batches of 7: what a rebuild reads from an event store. */
  const storeOf = (events: readonly EventEnvelope[]): AllStreamReader => ({
    readAll: async ({ after, limit = 7 } = {}) => {
      const from = after ? Number(after.globalPosition) : 0;
      const batch = events.slice(from, from + Math.min(limit, 7));
      return { events: batch, next: { transactionId: '1', globalPosition: String(from + batch.length) } };
    },
    finishedBefore: async () => '2',
  });

  /**
   * The aggregate answers every request as the exact query does, and equals row for row a build from scratch in
   * SQL and the one a rebuild of the measurements makes in memory from `measurements`.
   */
  const expectExactAndFromScratch = async (measurements: readonly EventEnvelope[]) => {
    const requests: Array<{
      period: string;
      indicator: IndicatorName;
      ageGroup: AgeGroup;
      groupBy: GroupBy;
      region: string | null;
    }> = [];
    for (const period of ['2024', '2025', '2024-08', '2025-12'])
      for (const indicator of Object.keys(INDICATORS) as IndicatorName[])
        for (const ageGroup of ['baduta', 'balita'] as const)
          for (const [groupBy, region] of [
            ['regency', null],
            ['province', null],
            ['regency', '36'],
            ['regency', '36.03'],
            ['district', '36.03'],
            ['village', null],
            ['puskesmas', '32.04.01'],
            ['posyandu', null],
            ['posyandu', '36.03'],
            ['village', '36.04.02.2001'],
          ] as const)
            requests.push({ period, indicator, ageGroup, groupBy, region });
    let nonEmpty = 0;
    for (const { period, indicator, ageGroup, groupBy, region } of requests) {
      const request = { indicator, groupBy, period: parsePeriod(period)!, ageGroup, regionCode: region, asOf: null };
      const exact = await query.runExact(request);
      if (exact.length > 0) nonEmpty += 1;
      expect({ request, rows: await query.run(request) }).toEqual({ request, rows: exact });
    }
    expect(nonEmpty).toBeGreaterThan(requests.length / 2);

    const incremental = await counts();
    await inTransaction(pool, buildPrevalenceCounts);
    expect(await counts()).toEqual(incremental);

    const { applied } = await rebuildProjection({
      pool,
      projection: new ReportingMeasurementsProjection(),
      sources: [{ topic: TopicByService.intake, store: storeOf(measurements) }],
    });
    expect(applied).toBe(measurements.length);
    expect(await counts()).toEqual(incremental);
  };

  beforeEach(() =>
    pool.query(
      `TRUNCATE reporting_measurement_versions, reporting_merges, reporting_children, ${PREVALENCE_COUNT_TABLES.join(', ')}`,
    ),
  );

  it('equals the request-time query and both builds from scratch, after records, corrections, voids, merges and unmerges applied concurrently', async () => {
    const children = Array.from({ length: 60 }, () => uuidV7());
    const measurements = measurementEvents(children, 400);
    const merges = childEvents(children, 40);
    // The two consumers run side by side, as in the service; measurement events are also delivered twice.
    await Promise.all([
      applyAll(new ReportingMeasurementsProjection(), [...measurements, ...measurements.slice(0, 50)]),
      applyAll(new ReportingChildrenProjection(), merges),
    ]);
    await expectExactAndFromScratch(measurements);
  });

  it('equals them too when the events come in chunks of random sizes through applyBatch, some redelivered', async () => {
    const children = Array.from({ length: 60 }, () => uuidV7());
    const measurements = measurementEvents(children, 600);
    const merges = childEvents(children, 40);
    // Both consumers' chunks interleave, as in the service; each chunk is one transaction.
    await Promise.all([
      applyInChunks(new ReportingMeasurementsProjection(), measurements, true),
      applyInChunks(new ReportingChildrenProjection(), merges, false),
    ]);
    await expectExactAndFromScratch(measurements);
  });
});
