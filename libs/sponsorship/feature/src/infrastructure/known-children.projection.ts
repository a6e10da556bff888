import { Injectable } from '@nestjs/common';
import { assertEventContract, type EventEnvelope } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import { changesChild, evolveKnownChild, type IdentityEvent, type KnownChild } from '@registry/sponsorship-domain';
import type { PoolClient } from 'pg';
import { FollowChildPolicy } from '../sponsorships/follow-child/follow-child.policy';
import { findKnownChildren } from './known-children';

/** Identity events the sponsorships of a child follow (FollowChildPolicy). */
const FOLLOWED: ReadonlySet<IdentityEvent['type']> = new Set(['child.died', 'child.relocated', 'child.merged']);

/**
 * This service's copy of each child, from the identity service's events: no call to identity per request. In the
 * same transaction the child's sponsorships follow a death, a move or a merge (see FollowChildPolicy), so a
 * redelivered or replayed event neither copies nor reacts twice.
 */
@Injectable()
export class KnownChildrenProjection implements Projection {
  readonly name = 'known-children';
  readonly tables = ['sponsorship_known_children'];

  handles(type: string): boolean {
    return changesChild(type);
  }

  constructor(private readonly follow: FollowChildPolicy) {}

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    await this.applyBatch([event], client);
  }

  /**
   * A chunk of identity events in order. Runs of events the sponsorships need not follow (registrations, corrections:
   * nearly all of them) are folded and written in one statement; a death, move or merge is copied and followed on
   * its own, after everything before it.
   */
  async applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    let run: IdentityEvent[] = [];
    for (const envelope of events) {
      if (!envelope.type.startsWith('child.')) continue;
      assertEventContract(envelope.type, envelope.data);
      const event = { type: envelope.type, data: envelope.data } as IdentityEvent;
      if (!FOLLOWED.has(event.type)) {
        run.push(event);
        continue;
      }
      await this.copy(client, run);
      run = [];
      // As for every event, one the copy does not change (a death of a child never registered) is not followed.
      if ((await this.copy(client, [event])) > 0) await this.follow.apply(client, envelope, event);
    }
    await this.copy(client, run);
  }

  /** The children of these events read once, folded in order, written in one statement; how many changed. */
  private async copy(client: PoolClient, run: readonly IdentityEvent[]): Promise<number> {
    if (run.length === 0) return 0;
    const known = await findKnownChildren(client, [...new Set(run.map((event) => event.data.childId))]);
    const changed = new Map<string, KnownChild>();
    for (const event of run) {
      const childId = event.data.childId;
      const next = evolveKnownChild(changed.get(childId) ?? known.get(childId) ?? null, event);
      if (next !== null) changed.set(childId, next);
    }
    if (changed.size === 0) return 0;
    await client.query(
      `INSERT INTO sponsorship_known_children (child_id, sex, birth_date, village_code, district_code, regency_code, status, died_on, merged_into)
       SELECT "childId", sex, "birthDate", "villageCode", "districtCode", "regencyCode", status, "diedOn", "mergedInto"
         FROM json_to_recordset($1::json) AS r("childId" uuid, sex text, "birthDate" date, "villageCode" text,
              "districtCode" text, "regencyCode" text, status text, "diedOn" date, "mergedInto" uuid)
       ON CONFLICT (child_id) DO UPDATE SET sex = EXCLUDED.sex, birth_date = EXCLUDED.birth_date,
         village_code = EXCLUDED.village_code, district_code = EXCLUDED.district_code, regency_code = EXCLUDED.regency_code,
         status = EXCLUDED.status, died_on = EXCLUDED.died_on, merged_into = EXCLUDED.merged_into`,
      [JSON.stringify([...changed.values()])],
    );
    return changed.size;
  }
}
