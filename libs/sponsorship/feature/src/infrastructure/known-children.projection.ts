import { Injectable } from '@nestjs/common';
import { assertEventContract, type EventEnvelope } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import { copyIdentityEvents } from '@registry/known-child-store';
import { changesChild, type IdentityEvent } from '@registry/sponsorship-domain';
import type { PoolClient } from 'pg';
import { FollowChildPolicy } from '../sponsorships/follow-child/follow-child.policy';
import { SPONSORSHIP_KNOWN_CHILDREN } from './known-children';

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
    const copy = (part: readonly IdentityEvent[]) => copyIdentityEvents(client, SPONSORSHIP_KNOWN_CHILDREN, part);
    let run: IdentityEvent[] = [];
    for (const envelope of events) {
      if (!envelope.type.startsWith('child.')) continue;
      assertEventContract(envelope.type, envelope.data);
      const event = { type: envelope.type, data: envelope.data } as IdentityEvent;
      if (!FOLLOWED.has(event.type)) {
        run.push(event);
        continue;
      }
      await copy(run);
      run = [];
      // As for every event, one the copy does not change (a death of a child never registered) is not followed.
      if ((await copy([event])) > 0) await this.follow.apply(client, envelope, event);
    }
    await copy(run);
  }
}
