import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import { changesChild, evolveKnownChild, type IdentityEvent, type KnownChild } from '@registry/intake-domain';
import type { ClientBase, PoolClient } from 'pg';

/** Intake's copy of each child, from the identity service's events: no call to identity per measurement. */
@Injectable()
export class KnownChildrenProjection implements Projection {
  readonly name = 'known-children';
  readonly tables = ['intake_known_children'];

  handles(type: string): boolean {
    return changesChild(type);
  }

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    await this.applyBatch([event], client);
  }

  /** A chunk of identity events: its children read once, folded in order, written in one statement. */
  async applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const childEvents = events.filter((event) => event.type.startsWith('child.'));
    if (childEvents.length === 0) return;
    const childIdOf = (event: EventEnvelope) => (event.data as { childId: string }).childId;
    const known = await findKnownChildren(client, [...new Set(childEvents.map(childIdOf))]);
    const changed = new Map<string, KnownChild>();
    for (const event of childEvents) {
      const childId = childIdOf(event);
      const next = evolveKnownChild(changed.get(childId) ?? known.get(childId) ?? null, {
        type: event.type,
        data: event.data,
      } as IdentityEvent);
      if (next !== null) changed.set(childId, next);
    }
    if (changed.size === 0) return;
    await client.query(
      `INSERT INTO intake_known_children (child_id, sex, birth_date, village_code, district_code, regency_code, status, died_on, merged_into)
       SELECT "childId", sex, "birthDate", "villageCode", "districtCode", "regencyCode", status, "diedOn", "mergedInto"
         FROM jsonb_to_recordset($1::jsonb) AS r("childId" uuid, sex text, "birthDate" date, "villageCode" text,
              "districtCode" text, "regencyCode" text, status text, "diedOn" date, "mergedInto" uuid)
       ON CONFLICT (child_id) DO UPDATE SET sex = EXCLUDED.sex, birth_date = EXCLUDED.birth_date,
         village_code = EXCLUDED.village_code, district_code = EXCLUDED.district_code, regency_code = EXCLUDED.regency_code,
         status = EXCLUDED.status, died_on = EXCLUDED.died_on, merged_into = EXCLUDED.merged_into`,
      [JSON.stringify([...changed.values()])],
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
