import { uuidV7, type EventEnvelope } from '@registry/contracts';
import { PRIORITY_REASONS, priorityReasons } from '@registry/reporting-domain';
import { inTransaction } from '@registry/event-store';
import { scratchDatabase, type ScratchDatabase } from '@registry/testing';
import type { Pool } from 'pg';
import { ReportingChildStatusProjection } from './child-status.projection';
import { REPORTING_MIGRATIONS } from './reporting-migrations';

let position = 0;
const envelope = (type: string, streamVersion: number, data: Record<string, unknown>): EventEnvelope => {
  position += 1;
  return {
    eventId: uuidV7(),
    type,
    schemaVersion: 1,
    streamId: `stream-${String(data['measurementId'] ?? data['childId'])}`,
    streamVersion,
    globalPosition: String(position),
    subjectId: String(data['childId']),
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, position)).toISOString(),
    recordedAt: new Date(Date.UTC(2026, 0, 1, 0, position)).toISOString(),
    regencyCode: '36.03',
    actor: { subject: 'kader-1', role: 'kader' },
    correlationId: uuidV7(),
    causationId: null,
    data,
    previousHash: null,
    hash: 'x',
  } as EventEnvelope;
};

/** A measurement as intake records it, with only what the projection reads varying. */
const measured = (
  childId: string,
  measuredOn: string,
  facts: {
    haz?: number;
    hazClass?: string;
    whzClass?: string;
    flagged?: boolean;
    weight?: boolean;
    consecutiveT?: number;
    bgm?: boolean;
  },
  type: 'measurement.recorded' | 'measurement.corrected' = 'measurement.recorded',
  measurementId = uuidV7(),
  version = 1,
) =>
  envelope(type, version, {
    measurementId,
    childId,
    measuredOn,
    weightKg: facts.weight === false ? null : 9,
    posyanduCode: `PSY-${measuredOn}`,
    zScores: { heightForAge: facts.haz ?? -1, weightForHeight: 0 },
    classifications: {
      heightForAge: { code: facts.hazClass ?? 'normal', label: '' },
      weightForHeight: { code: facts.whzClass ?? 'normal', label: '' },
    },
    flags: { heightForAge: facts.flagged ?? false, weightForHeight: false },
    weightGain:
      facts.weight === false
        ? null
        : { judgement: 'T', gainGrams: 0, kbmGrams: 200, consecutiveT: facts.consecutiveT ?? 0 },
    bgm: facts.bgm ?? false,
  });

const idOf = (event: EventEnvelope) => (event.data as { measurementId: string }).measurementId;

describe('child-status projection: one row per child for the by-name list', () => {
  const databases: ScratchDatabase[] = [];
  const database = async (): Promise<Pool> => {
    const scratch = await scratchDatabase('child_status');
    databases.push(scratch);
    const pool = scratch.pool;
    for (const Migration of REPORTING_MIGRATIONS) {
      const migration = new Migration(null as never, null as never);
      migration.up();
      for (const sql of migration.getQueries()) await pool.query(String(sql));
    }
    return pool;
  };
  const projection = new ReportingChildStatusProjection();
  let live: Pool;
  const apply = (events: EventEnvelope[]) => inTransaction(live, (client) => projection.applyBatch(events, client));
  const statusOf = async (pool: Pool, childId: string) =>
    (
      await pool.query(
        `SELECT measurement_id, haz_class, whz_class, to_char(last_weighed_on, 'YYYY-MM-DD') AS last_weighed_on,
                consecutive_t, bgm, posyandu_code FROM reporting_child_status WHERE child_id = $1`,
        [childId],
      )
    ).rows[0] ?? null;
  const all: EventEnvelope[] = [];
  const record = async (events: EventEnvelope[]) => {
    all.push(...events);
    await apply(events);
  };

  beforeAll(async () => {
    live = await database();
  });
  afterAll(async () => {
    await Promise.all(databases.map((scratch) => scratch.drop()));
  });

  const a = uuidV7();
  const b = uuidV7();
  const january = measured(a, '2026-01-10', { hazClass: 'stunted', haz: -2.5 });
  const march = measured(a, '2026-03-10', { hazClass: 'normal' });

  it('shows the newest valid measurement; a flagged one or one without weight changes only what it can', async () => {
    const flagged = measured(a, '2026-04-10', { hazClass: 'severely_stunted', flagged: true, weight: false });
    await record([january, march, flagged]);
    expect(await statusOf(live, a)).toEqual({
      measurement_id: idOf(march),
      haz_class: 'normal',
      whz_class: 'normal',
      last_weighed_on: '2026-03-10',
      consecutive_t: 0,
      bgm: false,
      posyandu_code: 'PSY-2026-04-10',
    });
  });

  it('falls back when the newest is voided, and follows a correction and a re-judgement of the weighing', async () => {
    await record([envelope('measurement.voided', 2, { measurementId: idOf(march), childId: a, regencyCode: '36.03' })]);
    expect(await statusOf(live, a)).toMatchObject({ measurement_id: idOf(january), haz_class: 'stunted' });
    const corrected = measured(
      a,
      '2026-01-10',
      { hazClass: 'severely_stunted', consecutiveT: 1 },
      'measurement.corrected',
      idOf(january),
      2,
    );
    await record([corrected]);
    expect(await statusOf(live, a)).toMatchObject({ haz_class: 'severely_stunted', consecutive_t: 1 });
    const rejudged = envelope('measurement.weight-gain-rejudged', 3, {
      measurementId: idOf(january),
      childId: a,
      regencyCode: '36.03',
      weightGain: { judgement: 'T', gainGrams: 0, kbmGrams: 200, consecutiveT: 2 },
    });
    await record([rejudged]);
    expect(await statusOf(live, a)).toMatchObject({ haz_class: 'severely_stunted', consecutive_t: 2 });
    // Delivered again (a replay): nothing changes, the versions say it is old.
    await apply([corrected]);
    expect(await statusOf(live, a)).toMatchObject({ haz_class: 'severely_stunted', consecutive_t: 2 });
  });

  it('joins a merged record’s measurements to the surviving child, and parts them again on unmerge', async () => {
    const wasted = measured(b, '2026-05-10', { whzClass: 'wasted', bgm: true });
    await record([wasted]);
    expect(await statusOf(live, b)).toMatchObject({ measurement_id: idOf(wasted), bgm: true });
    await record([envelope('child.merged', 2, { childId: b, intoChildId: a, reason: 'same child' })]);
    expect(await statusOf(live, b)).toBeNull();
    expect(await statusOf(live, a)).toMatchObject({ measurement_id: idOf(wasted), whz_class: 'wasted', bgm: true });
    await record([envelope('child.unmerged', 3, { childId: b, fromChildId: a, reason: 'twins' })]);
    expect(await statusOf(live, b)).toMatchObject({ measurement_id: idOf(wasted) });
    expect(await statusOf(live, a)).toMatchObject({ measurement_id: idOf(january), bgm: false });
  });

  it('copies in where the child lives, whichever topic arrives first, and follows a move and a death', async () => {
    const registered = (childId: string) =>
      envelope('child.registered', 1, {
        childId,
        sex: 'female',
        birthDate: '2024-06-01',
        villageCode: '36.03.20.2002',
        districtCode: '36.03.20',
        regencyCode: '36.03',
      });
    const placeOf = async (childId: string) =>
      (
        await live.query(
          `SELECT to_char(birth_date, 'YYYY-MM-DD') AS birth_date, village_code, regency_code, alive
             FROM reporting_child_status WHERE child_id = $1`,
          [childId],
        )
      ).rows[0];
    expect(await placeOf(a)).toMatchObject({ regency_code: null, alive: true });
    await record([registered(a), registered(b)]);
    expect(await placeOf(a)).toEqual({
      birth_date: '2024-06-01',
      village_code: '36.03.20.2002',
      regency_code: '36.03',
      alive: true,
    });
    await record([
      envelope('child.relocated', 2, {
        childId: a,
        movedOn: '2026-06-01',
        fromVillageCode: '36.03.20.2002',
        toVillageCode: '36.71.01.1001',
        toDistrictCode: '36.71.01',
        fromRegencyCode: '36.03',
        toRegencyCode: '36.71',
      }),
      envelope('child.died', 2, { childId: b, diedOn: '2026-07-01' }),
    ]);
    expect(await placeOf(a)).toMatchObject({ village_code: '36.71.01.1001', regency_code: '36.71' });
    expect(await placeOf(b)).toMatchObject({ alive: false });
  });

  it('rebuilt from the same events holds exactly the live rows', async () => {
    const rebuilt = await database();
    await inTransaction(rebuilt, async (client) => {
      await projection.applyRebuildBatch(all, client);
      await projection.finishRebuild(client);
    });
    for (const table of projection.tables) {
      const rows = async (pool: Pool) =>
        (await pool.query(`SELECT * FROM ${table} ORDER BY 1`)).rows.map((row) => JSON.stringify(row));
      expect(await rows(rebuilt)).toEqual(await rows(live));
    }
  });

  it('keeps as urgency the rank of the most urgent reason that does not depend on the day', async () => {
    const pool = await database();
    const wasting = ['severely_wasted', 'wasted', 'normal', null];
    const stunting = ['severely_stunted', 'stunted', 'normal', null];
    const combinations = wasting.flatMap((whz) =>
      stunting.flatMap((haz) => [false, true].flatMap((bgm) => [0, 1, 2, 3].map((t) => ({ whz, haz, bgm, t })))),
    );
    for (const { whz, haz, bgm, t } of combinations)
      await pool.query(
        `INSERT INTO reporting_child_status (child_id, alive, whz_class, haz_class, bgm, consecutive_t)
         VALUES ($1, true, $2, $3, $4, $5)`,
        [uuidV7(), whz, haz, bgm, t],
      );
    const { rows } = await pool.query(
      'SELECT whz_class, haz_class, bgm, consecutive_t, urgency FROM reporting_child_status',
    );
    expect(rows).toHaveLength(combinations.length);
    for (const row of rows) {
      // Never weighed: not_weighed, the one reason the kept rank leaves out, cannot apply.
      const [first] = priorityReasons(
        {
          birthDate: '2025-01-01',
          heightForAgeClass: row.haz_class,
          weightForHeightClass: row.whz_class,
          lastWeighedOn: null,
          consecutiveT: row.consecutive_t,
          bgm: row.bgm,
        },
        '2026-12-01',
      );
      expect({ ...row, urgency: row.urgency }).toEqual({
        ...row,
        urgency: first === undefined ? null : PRIORITY_REASONS.indexOf(first),
      });
    }
  });
});
