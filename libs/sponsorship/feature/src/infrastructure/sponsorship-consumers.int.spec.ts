import { uuidV7, type EventEnvelope, type JudgedMeasurement } from '@registry/contracts';
import { EventStore, eventStoreSchemaSql } from '@registry/event-store';
import { loadRegions } from '@registry/reference-data';
import { scratchDatabase, type ScratchDatabase } from '@registry/testing';
import type { Pool, PoolClient } from 'pg';
import { FollowChildPolicy } from '../sponsorships/follow-child/follow-child.policy';
import { SponsorshipWriter } from '../sponsorships/sponsorship-writer';
import { GrowthProjection } from './growth.projection';
import { SponsorshipGrowthWeightGainMigration } from './growth-weight-gain.migration';
import { KnownChildrenProjection } from './known-children.projection';
import { SponsorshipSchemaMigration } from './sponsorship-schema.migration';
import { SponsorshipReadModel } from './sponsorship.read-model';

const envelope = (type: string, data: object): EventEnvelope =>
  ({ eventId: uuidV7(), type, schemaVersion: 1, correlationId: uuidV7(), data }) as unknown as EventEnvelope;

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function judged(random: () => number, measurementId: string, childId: string): JudgedMeasurement {
  const z = () => Math.round((random() * 8 - 4) * 100) / 100;
  const ageDays = 30 + Math.floor(random() * 1700);
  return {
    measurementId,
    childId,
    measuredOn: `2025-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
    weightKg: 9.5,
    heightCm: 80,
    position: 'standing',
    headCircumferenceCm: null,
    muacCm: null,
    oedema: false,
    ageDays,
    ageMonths: Math.round((ageDays / 30.4375) * 100) / 100,
    correctedHeightCm: 80,
    zScores: {
      heightForAge: z(),
      weightForAge: z(),
      weightForHeight: z(),
      bmiForAge: z(),
      headCircumferenceForAge: null,
    },
    classifications: {
      heightForAge: { code: 'normal', label: 'normal' },
      weightForAge: null,
      weightForHeight: { code: 'normal', label: 'gizi baik' },
      bmiForAge: null,
    },
    flags: {
      heightForAge: random() < 0.05,
      weightForAge: false,
      weightForHeight: false,
      bmiForAge: false,
      headCircumferenceForAge: false,
      positionUnder9MonthsStanding: false,
    },
    puskesmasCode: 'P3603200101',
    posyanduCode: null,
    villageCode: '36.03.20.2002',
    districtCode: '36.03.20',
    regencyCode: '36.03',
    standard: 'WHO-2006',
  };
}

/** Records, corrections, rejudgements, voids and redeliveries of the same measurements, shuffled across children but in order per measurement. */
function growthEvents(random: () => number): EventEnvelope[] {
  const children = Array.from({ length: 12 }, () => uuidV7());
  const events: EventEnvelope[] = [];
  for (let n = 0; n < 300; n += 1) {
    const childId = children[Math.floor(random() * children.length)];
    const measurementId = uuidV7();
    events.push(envelope('measurement.recorded', { ...judged(random, measurementId, childId), sourceRecordId: null }));
    if (random() < 0.3)
      events.push(envelope('measurement.corrected', { ...judged(random, measurementId, childId), reason: 'typo' }));
    if (random() < 0.2) {
      const consecutiveT = Math.floor(random() * 3);
      events.push(
        envelope('measurement.weight-gain-rejudged', {
          measurementId,
          childId,
          regencyCode: '36.03',
          weightGain: { judgement: consecutiveT > 0 ? 'T' : 'N', gainGrams: 50, kbmGrams: 200, consecutiveT },
        }),
      );
    }
    if (random() < 0.15)
      events.push(
        envelope('measurement.voided', { measurementId, childId, regencyCode: '36.03', reason: 'wrong child' }),
      );
    if (random() < 0.1) events.push({ ...events[events.length - 1], eventId: uuidV7() });
    if (random() < 0.1) events.push(envelope('child.registered', { childId }));
  }
  return events;
}

const places = [
  { villageCode: '36.03.20.2002', districtCode: '36.03.20', regencyCode: '36.03' },
  { villageCode: '36.04.23.2015', districtCode: '36.04.23', regencyCode: '36.04' },
];

const birth = { sex: 'female', birthDate: '2023-05-01', birthWeightGrams: null, birthLengthCm: null, hasNik: false };

/** Registrations, corrections, moves, deaths, merges and unmerges of a few children, in a seeded order. */
function identityEvents(random: () => number): EventEnvelope[] {
  const children: string[] = [];
  const events: EventEnvelope[] = [];
  for (let n = 0; n < 400; n += 1) {
    const pick = random();
    const someone = children[Math.floor(random() * children.length)];
    if (children.length < 3 || pick < 0.35) {
      const childId = uuidV7();
      children.push(childId);
      events.push(
        envelope('child.registered', {
          childId,
          ...birth,
          ...places[0],
          personalDataVersion: 1,
          personalDataHash: 'h',
        }),
      );
    } else if (pick < 0.6) {
      const sex = random() < 0.5 ? 'male' : 'female';
      events.push(
        envelope('child.corrected', {
          childId: someone,
          ...birth,
          sex,
          changedFields: ['sex'],
          personalDataVersion: null,
          personalDataHash: null,
          reason: 'typo',
        }),
      );
    } else if (pick < 0.75) {
      const to = places[Math.floor(random() * places.length)];
      events.push(
        envelope('child.relocated', {
          childId: someone,
          movedOn: '2025-03-01',
          fromVillageCode: places[0].villageCode,
          fromRegencyCode: places[0].regencyCode,
          toVillageCode: to.villageCode,
          toDistrictCode: to.districtCode,
          toRegencyCode: to.regencyCode,
        }),
      );
    } else if (pick < 0.85) {
      events.push(envelope('child.died', { childId: random() < 0.2 ? uuidV7() : someone, diedOn: '2025-06-01' }));
    } else if (pick < 0.95) {
      const into = children[Math.floor(random() * children.length)];
      if (into !== someone)
        events.push(envelope('child.merged', { childId: someone, intoChildId: into, reason: 'same child' }));
    } else {
      events.push(
        envelope('child.unmerged', { childId: someone, fromChildId: children[0], reason: 'not the same child' }),
      );
    }
    if (random() < 0.05) events.push({ ...events[events.length - 1], eventId: uuidV7() });
  }
  return events;
}

describe('sponsorship consumers: chunks of events applied at once (real PostgreSQL)', () => {
  let scratch: ScratchDatabase;
  let pool: Pool;
  const growth = new GrowthProjection();
  let knownChildren: KnownChildrenProjection;

  beforeAll(async () => {
    scratch = await scratchDatabase('sponsorship');
    pool = scratch.pool;
    await pool.query(eventStoreSchemaSql);
    for (const Migration of [SponsorshipSchemaMigration, SponsorshipGrowthWeightGainMigration]) {
      const migration = new Migration(null as never, null as never);
      migration.up();
      for (const sql of migration.getQueries()) await pool.query(String(sql));
    }
    const writer = new SponsorshipWriter(new EventStore(pool), new SponsorshipReadModel(), () => new Date());
    knownChildren = new KnownChildrenProjection(new FollowChildPolicy(writer, loadRegions()));
  });
  afterAll(async () => {
    await scratch.drop();
  });

  /** Applies the events one per call, then again in random chunks (three times), and answers each resulting table. */
  const oneByOneAndChunked = async (
    projection: GrowthProjection | KnownChildrenProjection,
    events: readonly EventEnvelope[],
    random: () => number,
    table: string,
  ) => {
    const client = await pool.connect();
    const rows = async (c: PoolClient) => (await c.query(`SELECT * FROM ${table} ORDER BY 1`)).rows;
    try {
      await client.query('BEGIN');
      for (const event of events) await projection.apply(event, client);
      const oneByOne = await rows(client);
      await client.query('ROLLBACK');
      const chunked = [];
      for (let round = 0; round < 3; round += 1) {
        await client.query('BEGIN');
        for (let start = 0; start < events.length;) {
          const size = 1 + Math.floor(random() * 80);
          await projection.applyBatch(events.slice(start, start + size), client);
          start += size;
        }
        chunked.push(await rows(client));
        await client.query('ROLLBACK');
      }
      return { oneByOne, chunked };
    } finally {
      client.release();
    }
  };

  it('growth: leaves what applying each event in turn leaves, in chunks of any size', async () => {
    // Given a seeded history of records, corrections, rejudgements, voids and redeliveries
    const random = seeded(7);
    // When it is applied one event at a time, and in random chunks (a void often in a later chunk than its record)
    const { oneByOne, chunked } = await oneByOneAndChunked(growth, growthEvents(random), random, 'sponsorship_growth');
    // Then the growth rows are the same, voids and rejudgements included
    for (const rows of chunked) expect(rows).toEqual(oneByOne);
    expect(oneByOne.some((row) => row.status === 'voided')).toBe(true);
    expect(oneByOne.some((row) => row.weight_gain?.consecutiveT === 2)).toBe(true);
  });

  it('known children: leave what applying each event in turn leaves, moves, deaths and merges between the runs folded', async () => {
    // Given a seeded life of a few children, with unknown children's deaths and redeliveries among it
    const random = seeded(11);
    // When it is applied one event at a time, and in random chunks
    const { oneByOne, chunked } = await oneByOneAndChunked(
      knownChildren,
      identityEvents(random),
      random,
      'sponsorship_known_children',
    );
    // Then the copies are the same
    for (const rows of chunked) expect(rows).toEqual(oneByOne);
    expect(new Set(oneByOne.map((child) => child.status))).toEqual(new Set(['active', 'died', 'merged']));
  });
});
