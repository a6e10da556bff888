import { randomBytes } from 'node:crypto';
import { uuidV7, type EventEnvelope, type JudgedMeasurement } from '@registry/contracts';
import { databaseUrl, ensureDatabase } from '@registry/event-store';
import { Client, escapeIdentifier, Pool, type PoolClient } from 'pg';
import { GrowthProjection } from './growth.projection';
import { SponsorshipSchemaMigration } from './sponsorship-schema.migration';

const adminUrl = () => process.env['DATABASE_URL']!;

const envelope = (type: string, data: object): EventEnvelope =>
  ({ eventId: uuidV7(), type, schemaVersion: 1, data }) as unknown as EventEnvelope;

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

/** Records, corrections, voids and redeliveries of the same measurements, shuffled across children but in order per measurement. */
function growthEvents(random: () => number): EventEnvelope[] {
  const children = Array.from({ length: 12 }, () => uuidV7());
  const events: EventEnvelope[] = [];
  for (let n = 0; n < 300; n += 1) {
    const childId = children[Math.floor(random() * children.length)];
    const measurementId = uuidV7();
    events.push(envelope('measurement.recorded', { ...judged(random, measurementId, childId), sourceRecordId: null }));
    if (random() < 0.3)
      events.push(envelope('measurement.corrected', { ...judged(random, measurementId, childId), reason: 'typo' }));
    if (random() < 0.15)
      events.push(
        envelope('measurement.voided', { measurementId, childId, regencyCode: '36.03', reason: 'wrong child' }),
      );
    if (random() < 0.1) events.push({ ...events[events.length - 1], eventId: uuidV7() });
    if (random() < 0.1) events.push(envelope('child.registered', { childId }));
  }
  return events;
}

describe('sponsorship growth: chunks of measurement events applied at once (real PostgreSQL)', () => {
  const name = `registry_test_sponsorship_${randomBytes(4).toString('hex')}`;
  let pool: Pool;
  const projection = new GrowthProjection();

  beforeAll(async () => {
    await ensureDatabase(adminUrl(), name);
    pool = new Pool({ connectionString: databaseUrl(adminUrl(), name), max: 2 });
    const migration = new SponsorshipSchemaMigration(null as never, null as never);
    migration.up();
    for (const sql of migration.getQueries()) await pool.query(String(sql));
  });
  afterAll(async () => {
    await pool.end();
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  });

  const rows = async (client: PoolClient) =>
    (await client.query('SELECT * FROM sponsorship_growth ORDER BY measurement_id')).rows;

  it('leaves what applying each event in turn leaves, in chunks of any size', async () => {
    // Given a seeded history of records, corrections, voids and redeliveries
    const random = seeded(7);
    const events = growthEvents(random);
    const client = await pool.connect();
    try {
      // When it is applied one event at a time
      await client.query('BEGIN');
      for (const event of events) await projection.apply(event, client);
      const oneByOne = await rows(client);
      await client.query('ROLLBACK');
      for (let round = 0; round < 3; round += 1) {
        // And again in random chunks, a void often landing in a later chunk than its record
        await client.query('BEGIN');
        for (let start = 0; start < events.length;) {
          const size = 1 + Math.floor(random() * 60);
          await projection.applyBatch(events.slice(start, start + size), client);
          start += size;
        }
        const batched = await rows(client);
        await client.query('ROLLBACK');

        // Then the growth rows are the same, voids included
        expect(batched).toEqual(oneByOne);
      }
      expect(oneByOne.some((row) => row.status === 'voided')).toBe(true);
    } finally {
      client.release();
    }
  });
});
