import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import { evolveKnownChild, type IdentityEvent, type KnownChild } from '@registry/intake-domain';
import type { ClientBase, PoolClient } from 'pg';

/** Intake's copy of each child, from the identity service's events: no call to identity per measurement. */
@Injectable()
export class KnownChildrenProjection implements Projection {
  readonly name = 'known-children';
  readonly tables = ['intake_known_children'];

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    if (!event.type.startsWith('child.')) return;
    const childId = (event.data as { childId: string }).childId;
    const next = evolveKnownChild(await findKnownChild(client, childId), {
      type: event.type,
      data: event.data,
    } as IdentityEvent);
    if (next === null) return;
    await client.query(
      `INSERT INTO intake_known_children (child_id, sex, birth_date, village_code, district_code, regency_code, status, died_on, merged_into)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (child_id) DO UPDATE SET sex = $2, birth_date = $3, village_code = $4, district_code = $5, regency_code = $6,
         status = $7, died_on = $8, merged_into = $9`,
      [
        next.childId,
        next.sex,
        next.birthDate,
        next.villageCode,
        next.districtCode,
        next.regencyCode,
        next.status,
        next.diedOn,
        next.mergedInto,
      ],
    );
  }
}

export async function findKnownChild(client: Pick<ClientBase, 'query'>, childId: string): Promise<KnownChild | null> {
  return (await findKnownChildren(client, [childId])).get(childId) ?? null;
}

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
  }>(
    `SELECT child_id, sex, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, village_code, district_code, regency_code, status,
            to_char(died_on, 'YYYY-MM-DD') AS died_on, merged_into
       FROM intake_known_children WHERE child_id = ANY($1::uuid[])`,
    [childIds],
  );
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
