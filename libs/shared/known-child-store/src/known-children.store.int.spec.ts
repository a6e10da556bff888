import { uuidV7 } from '@registry/contracts';
import type { ChildCopy, IdentityEvent, KnownChild } from '@registry/known-child';
import { scratchDatabase, type ScratchDatabase } from '@registry/testing';
import { knownChildrenTable, SEX_COLUMN } from './known-children-table';
import { copyIdentityEvents, findKnownChildren, saveKnownChildren } from './known-children.store';

type MeasuredChild = ChildCopy & { readonly lastMeasuredOn: string | null };

const place = { villageCode: '36.03.20.2002', districtCode: '36.03.20', regencyCode: '36.03' };

const copyColumns = `child_id uuid PRIMARY KEY, birth_date date NOT NULL, village_code text NOT NULL,
  district_code text NOT NULL, regency_code text NOT NULL, status text NOT NULL, died_on date, merged_into uuid`;

describe('a service’s table of the children it knows, with the columns it adds (real PostgreSQL)', () => {
  let scratch: ScratchDatabase;
  const withSex = knownChildrenTable<KnownChild>('store_test_known_children', [SEX_COLUMN], { prepared: true });
  const measured = knownChildrenTable<MeasuredChild>('store_test_measured_children', [
    { name: 'last_measured_on', field: 'lastMeasuredOn', type: 'date' },
  ]);

  beforeAll(async () => {
    scratch = await scratchDatabase('known_child_store');
    await scratch.pool.query(`CREATE TABLE store_test_known_children (${copyColumns}, sex text NOT NULL)`);
    await scratch.pool.query(`CREATE TABLE store_test_measured_children (${copyColumns}, last_measured_on date)`);
  });
  afterAll(async () => {
    await scratch.drop();
  });

  it('copies identity events in order, and counts only the children they change', async () => {
    // Given a registration, a correction and a death of one child, and a death of a child never registered
    const [childId, unknown] = [uuidV7(), uuidV7()];
    const events: IdentityEvent[] = [
      {
        type: 'child.registered',
        data: { childId, sex: 'female', birthDate: '2024-03-01', ...place },
      },
      { type: 'child.corrected', data: { childId, sex: 'male', birthDate: '2024-02-01' } },
      { type: 'child.died', data: { childId, diedOn: '2025-06-01' } },
      { type: 'child.died', data: { childId: unknown, diedOn: '2025-06-01' } },
    ] as IdentityEvent[];

    // When copied at once
    const changed = await copyIdentityEvents(scratch.pool, withSex, events);

    // Then the one registered child holds what the events leave, read back with the same fields
    expect(changed).toBe(1);
    const found = await findKnownChildren(scratch.pool, withSex, [childId, unknown], { lock: true });
    expect([...found.keys()]).toEqual([childId]);
    expect(found.get(childId)).toMatchObject({
      sex: 'male',
      birthDate: '2024-02-01',
      status: 'died',
      diedOn: '2025-06-01',
    });
  });

  it('saves and replaces a copy with the service’s own columns, dates read back as the events carry them', async () => {
    // Given a child saved with its day of latest measurement, then saved again with another
    const child: MeasuredChild = {
      childId: uuidV7(),
      birthDate: '2024-03-01',
      ...place,
      status: 'active',
      diedOn: null,
      mergedInto: null,
      lastMeasuredOn: '2025-01-10',
    };
    await saveKnownChildren(scratch.pool, measured, [child]);
    await saveKnownChildren(scratch.pool, measured, [{ ...child, lastMeasuredOn: '2025-02-10' }]);

    // When read back by its id in upper case
    const found = await findKnownChildren(scratch.pool, measured, [child.childId.toUpperCase()]);

    // Then it is the last copy saved, keyed as PostgreSQL answers uuids
    expect(found).toEqual(new Map([[child.childId, { ...child, lastMeasuredOn: '2025-02-10' }]]));
  });
});
