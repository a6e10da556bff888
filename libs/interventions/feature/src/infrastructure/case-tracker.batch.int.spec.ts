// Over 300 lines: the seeded history, its chunks and the snapshot serve the one equivalence this file checks.
import {
  ContractViolationError,
  uuidV7,
  type ChildEventData,
  type ChildEventType,
  type EventEnvelope,
  type MeasurementEventData,
} from '@registry/contracts';
import { EventStore, eventStoreSchemaSql, inTransaction } from '@registry/event-store';
import { addDays, daysBetween } from '@registry/interventions-domain';
import { scratchDatabase, type ScratchDatabase } from '@registry/testing';
import type { Pool } from 'pg';
import { CaseTrackerProjection } from './case-tracker.projection';
import { interventionsSchemaSql } from './interventions-schema.migration';
import { interventionsWeightGainSql } from './weight-gain-facts.migration';

/** mulberry32: the same seed gives the same history on every machine. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const integer = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    chance: (probability: number) => next() < probability,
    integer,
    pick: <T>(items: readonly T[]): T => items[integer(0, items.length - 1)],
  };
}
type Random = ReturnType<typeof seededRandom>;

const places = [
  { villageCode: '36.03.20.2002', districtCode: '36.03.20', regencyCode: '36.03' },
  { villageCode: '36.03.21.2005', districtCode: '36.03.21', regencyCode: '36.03' },
  { villageCode: '36.04.23.2015', districtCode: '36.04.23', regencyCode: '36.04' },
  { villageCode: '36.01.05.1001', districtCode: '36.01.05', regencyCode: '36.01' },
];
type Place = (typeof places)[number];

const envelope = (type: string, data: unknown, occurredAt: string): EventEnvelope => ({
  eventId: uuidV7(),
  type,
  schemaVersion: 1,
  streamId: 'upstream',
  streamVersion: 1,
  globalPosition: '1',
  subjectId: (data as { childId?: string }).childId ?? 'none',
  occurredAt,
  recordedAt: occurredAt,
  regencyCode: null,
  actor: { subject: 'kader-1', role: 'kader' },
  correlationId: uuidV7(),
  causationId: null,
  data,
  previousHash: null,
  hash: 'h',
});

interface Measured {
  readonly measurementId: string;
  readonly measuredOn: string;
  readonly place: Place;
}

interface GeneratedChild {
  readonly childId: string;
  birthDate: string;
  place: Place;
  registered: boolean;
  status: 'active' | 'died' | 'merged';
  mergedInto: string | null;
  readonly measurements: Measured[];
}

type WeightGain = MeasurementEventData<'measurement.weight-gain-rejudged'>['weightGain'];

/** N, T with runs of 1 to 3, O and B, as intake judges a weighing. */
function weightGainOf(random: Random): WeightGain {
  const judgement = random.pick(['N', 'T', 'T', 'T', 'O', 'B'] as const);
  return judgement === 'N' || judgement === 'T'
    ? { judgement, gainGrams: 100, kbmGrams: 200, consecutiveT: judgement === 'T' ? random.integer(1, 3) : 0 }
    : { judgement, gainGrams: null, kbmGrams: null, consecutiveT: 0 };
}

/**
 * A measurement as intake judges it; the class codes, flags, oedema, N/T and BGM matter to the case rules. Some carry
 * no judgement, as those recorded before intake judged weighings.
 */
function judged(random: Random, child: GeneratedChild, m: Measured) {
  const code = (codes: readonly (string | null)[]) => {
    const picked = random.pick(codes);
    return picked === null ? null : { code: picked, label: picked };
  };
  const ageDays = daysBetween(child.birthDate, m.measuredOn);
  return {
    measurementId: m.measurementId,
    childId: child.childId,
    measuredOn: m.measuredOn,
    weightKg: 9.1,
    heightCm: 74,
    position: 'lying' as const,
    headCircumferenceCm: null,
    muacCm: null,
    oedema: random.chance(0.04),
    ageDays,
    ageMonths: ageDays / 30.4375,
    correctedHeightCm: 74,
    zScores: {
      heightForAge: -1,
      weightForAge: -1,
      weightForHeight: -1,
      bmiForAge: null,
      headCircumferenceForAge: null,
    },
    classifications: {
      heightForAge: code(['severely_stunted', 'stunted', 'stunted', 'normal', 'normal', 'tall', null]),
      weightForAge: null,
      weightForHeight: code(['severely_wasted', 'wasted', 'normal', 'normal', 'normal', 'overweight', null]),
      bmiForAge: null,
    },
    flags: {
      heightForAge: random.chance(0.08),
      weightForAge: false,
      weightForHeight: random.chance(0.08),
      bmiForAge: false,
      headCircumferenceForAge: false,
      positionUnder9MonthsStanding: false,
    },
    puskesmasCode: 'P3603200101',
    posyanduCode: null,
    ...m.place,
    standard: 'WHO-2006' as const,
    ...(random.chance(0.1)
      ? {}
      : { weightGain: random.chance(0.1) ? null : weightGainOf(random), bgm: random.chance(0.05) }),
  };
}

/**
 * A year of identity and intake events for `childCount` children, interleaved as the two topics deliver them:
 * measurements before and after registrations, corrections, voids, the same measurement id recorded again,
 * moves within and across regencies, birth-date corrections (some ageing a child out), deaths, merges and unmerges,
 * events about unknown children or measurements, and events of types the tracker ignores.
 */
function history(seed: number, childCount: number, eventCount: number): EventEnvelope[] {
  const random = seededRandom(seed);
  const start = '2025-01-06';
  const children: GeneratedChild[] = Array.from({ length: childCount }, () => ({
    childId: uuidV7(),
    // From one month to 59 months old at the start: a fifth of them complete 60 months within the year.
    birthDate: addDays(start, -random.integer(30, 1795)),
    place: random.pick(places),
    registered: false,
    status: 'active',
    mergedInto: null,
    measurements: [],
  }));
  const events: EventEnvelope[] = [];
  let day = start;
  const emit = (type: string, data: unknown) =>
    // Some in the evening UTC: already the next day in Indonesia.
    events.push(envelope(type, data, `${day}T${String(random.integer(0, 23)).padStart(2, '0')}:30:00.000Z`));
  const child = <T extends ChildEventType>(type: T, data: ChildEventData<T>) => emit(type, data);

  while (events.length < eventCount) {
    if (random.chance(0.4)) day = addDays(day, 1);
    // A few children get most of the events, so chunks often hold several events of one child.
    const c = random.chance(0.5) ? children[random.integer(0, 9)] : random.pick(children);
    const measured = c.measurements.length > 0 ? random.pick(c.measurements) : null;
    const roll = random.integer(1, 100);
    if (!c.registered && roll <= 25) {
      c.registered = true;
      child('child.registered', {
        childId: c.childId,
        sex: 'female',
        birthDate: c.birthDate,
        birthWeightGrams: null,
        birthLengthCm: null,
        ...c.place,
        hasNik: false,
        personalDataVersion: 1,
        personalDataHash: 'h',
      });
    } else if (roll <= 60 || measured === null) {
      const m = { measurementId: uuidV7(), measuredOn: addDays(day, -random.integer(0, 20)), place: c.place };
      c.measurements.push(m);
      emit('measurement.recorded', { ...judged(random, c, m), sourceRecordId: null });
    } else if (roll <= 68) {
      emit('measurement.corrected', { ...judged(random, c, measured), reason: 'entry error' });
    } else if (roll <= 74) {
      emit('measurement.voided', {
        measurementId: measured.measurementId,
        childId: c.childId,
        regencyCode: measured.place.regencyCode,
        reason: 'duplicate',
      } satisfies MeasurementEventData<'measurement.voided'>);
    } else if (roll <= 77) {
      // A correction or void of another weighing changed this one's judgement (or one never recorded here).
      emit('measurement.weight-gain-rejudged', {
        measurementId: random.chance(0.9) ? measured.measurementId : uuidV7(),
        childId: c.childId,
        regencyCode: measured.place.regencyCode,
        weightGain: weightGainOf(random),
      } satisfies MeasurementEventData<'measurement.weight-gain-rejudged'>);
    } else if (roll <= 79) {
      // The same measurement id recorded again (intake resending a record), with what it judged then.
      emit('measurement.recorded', { ...judged(random, c, measured), sourceRecordId: null });
    } else if (roll <= 85 && c.registered) {
      const to = random.pick(places.filter((p) => p !== c.place));
      child('child.relocated', {
        childId: c.childId,
        movedOn: day,
        fromVillageCode: c.place.villageCode,
        toVillageCode: to.villageCode,
        toDistrictCode: to.districtCode,
        fromRegencyCode: c.place.regencyCode,
        toRegencyCode: to.regencyCode,
      });
      c.place = to;
    } else if (roll <= 88 && c.registered) {
      c.birthDate = addDays(c.birthDate, random.integer(-400, 200));
      child('child.corrected', {
        childId: c.childId,
        sex: 'female',
        birthDate: c.birthDate,
        birthWeightGrams: null,
        birthLengthCm: null,
        hasNik: false,
        changedFields: ['birthDate'],
        personalDataVersion: null,
        personalDataHash: null,
        reason: 'birth certificate',
      });
    } else if (roll <= 90 && c.status === 'active') {
      c.status = 'died';
      child('child.died', { childId: c.childId, diedOn: day });
    } else if (roll <= 92 && c.status === 'active') {
      c.status = 'merged';
      c.mergedInto = random.pick(children.filter((other) => other !== c)).childId;
      child('child.merged', { childId: c.childId, intoChildId: c.mergedInto, reason: 'duplicate record' });
    } else if (roll <= 93 && c.mergedInto !== null) {
      child('child.unmerged', { childId: c.childId, fromChildId: c.mergedInto, reason: 'not the same child' });
      c.status = 'active';
      c.mergedInto = null;
    } else if (roll <= 95) {
      child('child.personal-data-accessed', { childId: c.childId, endpoint: '/children/:id' });
    } else if (roll <= 97) {
      child('child.died', { childId: uuidV7(), diedOn: day });
      emit('measurement.voided', {
        measurementId: uuidV7(),
        childId: uuidV7(),
        regencyCode: '36.03',
        reason: 'unknown',
      });
    } else {
      emit('sponsorship.pledged', { sponsorshipId: uuidV7() });
    }
  }
  return events;
}

/** Chunks of random sizes, as the consumer cuts a partition's batches. */
function chunks<T>(items: readonly T[], random: Random, maxSize: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length;) {
    const size = random.integer(1, maxSize);
    result.push(items.slice(start, start + size));
    start += size;
  }
  return result;
}

/**
 * What the tracker left, modulo the ids it generates: each case is named by its child, type and rank among that
 * child's cases of the type, in the order they were opened; recording instants are left out.
 */
async function snapshot(pool: Pool) {
  const log = (
    await pool.query<{ stream_id: string; type: string; data: { caseId: string; childId: string; type: string } }>(
      `SELECT stream_id, stream_version, type, subject_id, regency_code, actor, correlation_id, causation_id, data
         FROM es_events ORDER BY global_position`,
    )
  ).rows;
  const names = new Map<string, string>();
  const opened = new Map<string, number>();
  for (const event of log.filter((e) => e.type === 'case.opened')) {
    const key = `${event.data.childId}/${event.data.type}`;
    opened.set(key, (opened.get(key) ?? 0) + 1);
    names.set(event.data.caseId, `${key}#${opened.get(key)}`);
  }
  const name = (caseId: string) => names.get(caseId) ?? `unnamed ${caseId}`;
  const children = await pool.query<{ child_id: string; last_measured_on: string | null }>(
    `SELECT child_id, birth_date::text, village_code, district_code, regency_code, status, died_on::text, merged_into,
            last_measured_on::text
       FROM interventions_children ORDER BY child_id`,
  );
  const measurements = await pool.query<{
    measurement_id: string;
    child_id: string;
    measured_on: string;
    status: string;
  }>(
    `SELECT measurement_id, child_id, measured_on::text, status, height_for_age_code, height_for_age_flagged,
            weight_for_height_code, weight_for_height_flagged, oedema, weight_gain_judgement, consecutive_t, bgm,
            row_number() OVER (ORDER BY arrival) AS arrival_rank
       FROM interventions_measurements ORDER BY arrival`,
  );
  const cases = await pool.query<{ case_id: string; as_of_last_event: boolean }>(
    `SELECT c.case_id, c.child_id, c.type, c.status, c.severity, c.urgent, c.triggering_measurement_id,
            c.opened_on::text, c.closed_on::text, c.close_reason, c.closing_measurement_id, c.regency_code,
            c.district_code, c.village_code, c.regency_history, c.stream_version,
            c.stream_version = s.version AND c.updated_at = last.recorded_at AS as_of_last_event
       FROM interventions_cases c
       JOIN es_streams s ON s.stream_id = 'case-' || c.case_id
       JOIN es_events last ON last.stream_id = s.stream_id AND last.stream_version = s.version`,
  );
  return {
    events: log.map((event) => ({
      ...event,
      stream_id: name(event.stream_id.slice('case-'.length)),
      data: { ...event.data, caseId: name(event.data.caseId) },
    })),
    children: children.rows,
    measurements: measurements.rows,
    cases: cases.rows
      .map((row) => ({ ...row, case_id: name(row.case_id) }))
      .sort((a, b) => (a.case_id < b.case_id ? -1 : 1)),
  };
}

async function freshDatabase(label: string): Promise<ScratchDatabase> {
  const database = await scratchDatabase(label);
  await database.pool.query(eventStoreSchemaSql);
  await database.pool.query(interventionsSchemaSql);
  await database.pool.query(interventionsWeightGainSql);
  return database;
}

describe('case tracker: a chunk applied at once leaves what applying each event alone leaves (real PostgreSQL)', () => {
  const databases: ScratchDatabase[] = [];
  const pools: { oneByOne?: Pool; batched?: Pool } = {};

  beforeAll(async () => {
    for (const role of ['oneByOne', 'batched'] as const) {
      const database = await freshDatabase(role === 'oneByOne' ? 'cases_one' : 'cases_batch');
      databases.push(database);
      pools[role] = database.pool;
    }
  });
  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
  });

  it('decides the same cases from a seeded history of 80 children, in chunks of random sizes', async () => {
    // Given one history of identity and intake events
    const seed = 20251122;
    const events = history(seed, 80, 1200);
    const oneByOne = new CaseTrackerProjection(new EventStore(pools.oneByOne!));
    const batched = new CaseTrackerProjection(new EventStore(pools.batched!));

    // When one database gets each event in its own transaction, and the other the events in chunks of 1 to 150
    for (const event of events) await inTransaction(pools.oneByOne!, (client) => oneByOne.apply(event, client));
    for (const chunk of chunks(events, seededRandom(seed + 1), 150))
      await inTransaction(pools.batched!, (client) => batched.applyBatch(chunk, client));

    // Then both hold the same children, measurements (in the same arrival order), case streams and case rows
    const expected = await snapshot(pools.oneByOne!);
    const actual = await snapshot(pools.batched!);
    expect(actual.children).toEqual(expected.children);
    expect(actual.measurements).toEqual(expected.measurements);
    expect(actual.events).toEqual(expected.events);
    expect(actual.cases).toEqual(expected.cases);
    expect(actual.cases.every((c) => c.as_of_last_event)).toBe(true);
    // And the facts follow from the history: each measurement's status from its last event, each child's last
    // measurement day from its recorded measurements
    const lastEventOf = new Map(
      events
        .filter((event) => event.type.startsWith('measurement.'))
        .map((event) => [(event.data as { measurementId: string }).measurementId, event.type]),
    );
    expect(actual.measurements.map((m) => [m.measurement_id, m.status])).toEqual(
      actual.measurements.map((m) => [
        m.measurement_id,
        lastEventOf.get(m.measurement_id) === 'measurement.voided' ? 'voided' : 'recorded',
      ]),
    );
    const latestRecorded = new Map<string, string>();
    for (const m of actual.measurements)
      if (m.status === 'recorded' && m.measured_on > (latestRecorded.get(m.child_id) ?? ''))
        latestRecorded.set(m.child_id, m.measured_on);
    expect(actual.children.map((c) => [c.child_id, c.last_measured_on])).toEqual(
      actual.children.map((c) => [c.child_id, latestRecorded.get(c.child_id) ?? null]),
    );
    // And the history exercised every way a case moves
    const closeReasons = new Set(expected.events.map((e) => (e.data as { reason?: string }).reason));
    expect([...closeReasons]).toEqual(
      expect.arrayContaining(['aged_out', 'died', 'measurement_withdrawn', 'merged', 'recovered']),
    );
    expect(expected.events.some((e) => e.type === 'case.transferred')).toBe(true);
    const closedTypes = new Set(expected.events.filter((e) => e.type === 'case.closed').map((e) => e.data.type));
    expect([...closedTypes].sort()).toEqual(['growth_faltering', 'stunting', 'wasting']);
  });

  it('refuses a chunk holding a malformed event, so the consumer replays it one event at a time', async () => {
    // Given a chunk whose second event misses a field of its contract
    const childId = uuidV7();
    const chunk = [
      envelope('child.died', { childId, diedOn: '2025-06-01' }, '2025-06-01T03:00:00.000Z'),
      envelope('child.relocated', { childId, movedOn: '2025-06-02' }, '2025-06-02T03:00:00.000Z'),
    ];
    const projection = new CaseTrackerProjection(new EventStore(pools.batched!));

    // When it is applied at once, then it throws the contract violation
    await expect(inTransaction(pools.batched!, (client) => projection.applyBatch(chunk, client))).rejects.toThrow(
      ContractViolationError,
    );
  });
});
