import { uuidV7, type EventEnvelope } from '@registry/contracts';
import { scratchDatabase, type ScratchDatabase } from '@registry/testing';
import type { Pool } from 'pg';
import { IntakeSchemaMigration } from './intake-schema.migration';
import { KnownChildrenProjection } from './known-children.projection';
import { findKnownChildren } from './known-children.store';

const envelope = (type: string, data: Record<string, unknown>): EventEnvelope =>
  ({ eventId: uuidV7(), type, schemaVersion: 1, data }) as unknown as EventEnvelope;

describe('intake known children: a chunk of identity events applied at once (real PostgreSQL)', () => {
  let scratch: ScratchDatabase;
  let pool: Pool;
  const projection = new KnownChildrenProjection();

  beforeAll(async () => {
    scratch = await scratchDatabase('intake');
    pool = scratch.pool;
    const migration = new IntakeSchemaMigration(null as never, null as never);
    migration.up();
    for (const sql of migration.getQueries()) await pool.query(String(sql));
  });
  afterAll(async () => {
    await scratch.drop();
  });

  it('leaves what applying each event in turn leaves, for children with several events in one chunk', async () => {
    // Given one child's whole life so far and another child's registration, with events of other topics between
    const [a, b, c] = [uuidV7(), uuidV7(), uuidV7()];
    const registered = (childId: string, villageCode: string) =>
      envelope('child.registered', {
        childId,
        sex: 'female',
        birthDate: '2024-03-01',
        villageCode,
        districtCode: villageCode.slice(0, 8),
        regencyCode: villageCode.slice(0, 5),
      });
    const events = [
      registered(a, '36.03.20.2002'),
      registered(b, '36.03.20.2002'),
      envelope('measurement.recorded', { childId: a }),
      envelope('child.relocated', {
        childId: a,
        toVillageCode: '36.04.23.2015',
        toDistrictCode: '36.04.23',
        toRegencyCode: '36.04',
      }),
      envelope('child.corrected', { childId: b, sex: 'male', birthDate: '2024-02-01' }),
      envelope('child.merged', { childId: b, intoChildId: a }),
      envelope('child.died', { childId: a, diedOn: '2025-06-01' }),
      envelope('child.died', { childId: c, diedOn: '2025-06-01' }),
    ];

    // When applied as one chunk, and separately one by one into a second table state
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await projection.applyBatch(events, client);
      const batched = await findKnownChildren(client, [a, b, c]);
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      for (const event of events) await projection.apply(event, client);
      const oneByOne = await findKnownChildren(client, [a, b, c]);
      await client.query('COMMIT');

      // Then both hold the same children, and an unknown child's death created nothing
      expect(batched).toEqual(oneByOne);
      expect([...batched.keys()].sort()).toEqual([a, b].sort());
      expect(batched.get(a)).toMatchObject({ regencyCode: '36.04', status: 'died', diedOn: '2025-06-01' });
      expect(batched.get(b)).toMatchObject({ sex: 'male', birthDate: '2024-02-01', status: 'merged', mergedInto: a });
    } finally {
      client.release();
    }
  });
});
