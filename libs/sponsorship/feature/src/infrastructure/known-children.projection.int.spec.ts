import { randomBytes } from 'node:crypto';
import { uuidV7, type EventEnvelope } from '@registry/contracts';
import { databaseUrl, ensureDatabase, EventStore, eventStoreSchemaSql } from '@registry/event-store';
import { Regions } from '@registry/regions';
import { Client, escapeIdentifier, Pool, type PoolClient } from 'pg';
import { FollowChildPolicy } from '../sponsorships/follow-child/follow-child.policy';
import { SponsorshipWriter } from '../sponsorships/sponsorship-writer';
import { KnownChildrenProjection } from './known-children.projection';
import { SponsorshipSchemaMigration } from './sponsorship-schema.migration';
import { SponsorshipProjection } from './sponsorship.projection';

const adminUrl = () => process.env['DATABASE_URL']!;

const envelope = (type: string, data: object): EventEnvelope =>
  ({ eventId: uuidV7(), type, schemaVersion: 1, correlationId: uuidV7(), data }) as unknown as EventEnvelope;

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
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

describe('sponsorship known children: chunks of identity events applied at once (real PostgreSQL)', () => {
  const name = `registry_test_sponsorship_${randomBytes(4).toString('hex')}`;
  let pool: Pool;
  let projection: KnownChildrenProjection;

  beforeAll(async () => {
    await ensureDatabase(adminUrl(), name);
    pool = new Pool({ connectionString: databaseUrl(adminUrl(), name), max: 2 });
    await pool.query(eventStoreSchemaSql);
    const migration = new SponsorshipSchemaMigration(null as never, null as never);
    migration.up();
    for (const sql of migration.getQueries()) await pool.query(String(sql));
    const writer = new SponsorshipWriter(new EventStore(pool), new SponsorshipProjection(), () => new Date());
    projection = new KnownChildrenProjection(new FollowChildPolicy(writer, Regions.load()));
  });
  afterAll(async () => {
    await pool.end();
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  });

  const children = async (client: PoolClient) =>
    (await client.query('SELECT * FROM sponsorship_known_children ORDER BY child_id')).rows;

  it('leaves what applying each event in turn leaves, moves, deaths and merges between the runs it folds', async () => {
    // Given a seeded life of a few children, with unknown children's deaths and redeliveries among it
    const random = seeded(11);
    const events = identityEvents(random);
    const client = await pool.connect();
    try {
      // When it is applied one event at a time
      await client.query('BEGIN');
      for (const event of events) await projection.apply(event, client);
      const oneByOne = await children(client);
      await client.query('ROLLBACK');
      for (let round = 0; round < 3; round += 1) {
        // And again in random chunks
        await client.query('BEGIN');
        for (let start = 0; start < events.length;) {
          const size = 1 + Math.floor(random() * 80);
          await projection.applyBatch(events.slice(start, start + size), client);
          start += size;
        }
        const batched = await children(client);
        await client.query('ROLLBACK');

        // Then the copies are the same
        expect(batched).toEqual(oneByOne);
      }
      expect(new Set(oneByOne.map((child) => child.status))).toEqual(new Set(['active', 'died', 'merged']));
    } finally {
      client.release();
    }
  });
});
