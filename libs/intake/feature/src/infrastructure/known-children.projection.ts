import { Injectable, Optional } from '@nestjs/common';
import type { EventEnvelope } from '@registry/contracts';
import { EventStore, type Projection } from '@registry/event-store';
import { changesChild, type IdentityEvent } from '@registry/intake-domain';
import { copyIdentityEvents } from '@registry/known-child-store';
import type { ClientBase, PoolClient } from 'pg';
import { findKnownChildren, INTAKE_KNOWN_CHILDREN } from './known-children.store';
import { MergeRejudgement } from '../measurements/merge-rejudgement';
import { lockChildren } from '../measurements/weight-gains';

/**
 * Intake's copy of each child, from the identity service's events: no call to identity per measurement. Live, a merge
 * or an unmerge also has the weighings of the children it joins or parts judged again (MergeRejudgement appends what
 * changes); a rebuild has no event store here and only rewrites the table: those re-judgements are
 * events in the store already.
 */
/** The projection's (and its consumer's) name. */
export const KNOWN_CHILDREN = 'known-children';

@Injectable()
export class KnownChildrenProjection implements Projection {
  readonly name = KNOWN_CHILDREN;
  readonly tables = ['intake_known_children'];

  private readonly rejudgement: MergeRejudgement | null;

  constructor(@Optional() store?: EventStore) {
    this.rejudgement = store ? new MergeRejudgement(store) : null;
  }

  handles(type: string): boolean {
    return changesChild(type);
  }

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    await this.applyBatch([event], client);
  }

  async applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const joins = this.rejudgement
      ? events.filter((e) => e.type === 'child.merged' || e.type === 'child.unmerged')
      : [];
    if (joins.length === 0) return this.write(events, client);
    // Locked before this transaction writes anything (see lockChildren): the surviving records of both sides.
    const sides = joins.flatMap((event) => {
      const d = event.data as { childId: string; intoChildId?: string; fromChildId?: string };
      return [d.childId, d.intoChildId ?? d.fromChildId!];
    });
    const roots = await survivorsOf(client, sides);
    await lockChildren(client, [...roots]);
    await this.write(events, client);
    const children = await findKnownChildren(client, [...new Set([...roots, ...sides])]);
    const judged = [...children.values()].filter((child) => child.status !== 'merged');
    await this.rejudgement!.rejudge(client, judged, joins[joins.length - 1]);
  }

  async applyRebuildBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    await this.write(events, client);
  }

  /** A chunk's identity events, applied to intake's copy of their children. */
  private async write(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const childEvents = events
      .filter((event) => event.type.startsWith('child.'))
      .map((event) => ({ type: event.type, data: event.data }) as IdentityEvent);
    await copyIdentityEvents(client, INTAKE_KNOWN_CHILDREN, childEvents);
  }
}

/** The records' surviving records as intake knows them now (a record not merged is its own), and the records. */
async function survivorsOf(client: Pick<ClientBase, 'query'>, childIds: readonly string[]): Promise<Set<string>> {
  const found = new Set(childIds);
  for (let level = [...childIds], hops = 0; level.length > 0 && hops < 5; hops += 1) {
    const { rows } = await client.query<{ merged_into: string }>(
      'SELECT merged_into FROM intake_known_children WHERE child_id = ANY($1::uuid[]) AND merged_into IS NOT NULL',
      [level],
    );
    level = rows.map((row) => row.merged_into).filter((id) => !found.has(id));
    for (const id of level) found.add(id);
  }
  return found;
}
