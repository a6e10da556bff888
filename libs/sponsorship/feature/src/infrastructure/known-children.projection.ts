import { Injectable } from '@nestjs/common';
import { assertEventContract, type EventEnvelope } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import { evolveKnownChild, type IdentityEvent } from '@registry/sponsorship-domain';
import type { PoolClient } from 'pg';
import { FollowChildPolicy } from '../sponsorships/follow-child/follow-child.policy';
import { findKnownChild } from './known-children';

/**
 * This service's copy of each child, from the identity service's events: no call to identity per request. In the
 * same transaction the child's sponsorships follow a death, a move or a merge (see FollowChildPolicy), so a
 * redelivered or replayed event neither copies nor reacts twice.
 */
@Injectable()
export class KnownChildrenProjection implements Projection {
  readonly name = 'known-children';
  readonly tables = ['sponsorship_known_children'];

  constructor(private readonly follow: FollowChildPolicy) {}

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    if (!event.type.startsWith('child.')) return;
    assertEventContract(event.type, event.data);
    const identityEvent = { type: event.type, data: event.data } as IdentityEvent;
    const next = evolveKnownChild(await findKnownChild(client, identityEvent.data.childId), identityEvent);
    if (next === null) return;
    await client.query(
      `INSERT INTO sponsorship_known_children (child_id, sex, birth_date, village_code, district_code, regency_code, status, died_on, merged_into)
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
    await this.follow.apply(client, event, identityEvent);
  }
}
