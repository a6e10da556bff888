import type { KnownChild } from '@registry/intake-domain';
import type { ClientBase } from 'pg';

/** Intake's copy of each child (known-children.projection.ts), read by id. */
export async function findKnownChildren(
  client: Pick<ClientBase, 'query'>,
  childIds: readonly string[],
): Promise<Map<string, KnownChild>> {
  const { rows } = await client.query<{
    child_id: string;
    sex: 'male' | 'female';
    birth_date: string;
    village_code: string;
    district_code: string;
    regency_code: string;
    status: KnownChild['status'];
    died_on: string | null;
    merged_into: string | null;
  }>({
    // Prepared once per connection: every measurement looks its child up.
    name: 'intake-known-children',
    text: `SELECT child_id, sex, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, village_code, district_code, regency_code,
            status, to_char(died_on, 'YYYY-MM-DD') AS died_on, merged_into
       FROM intake_known_children WHERE child_id = ANY($1::uuid[])`,
    values: [childIds],
  });
  return new Map(
    rows.map((row) => [
      row.child_id,
      {
        childId: row.child_id,
        sex: row.sex,
        birthDate: row.birth_date,
        villageCode: row.village_code,
        districtCode: row.district_code,
        regencyCode: row.regency_code,
        status: row.status,
        diedOn: row.died_on,
        mergedInto: row.merged_into,
      },
    ]),
  );
}
