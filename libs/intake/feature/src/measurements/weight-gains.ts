import {
  judgeWeightGain,
  type KnownChild,
  type Measurement,
  type MeasurementEvent,
  type StoredHistory,
} from '@registry/intake-domain';
import type { ClientBase } from 'pg';
import { measurementStreamId, storedWeighings } from '../infrastructure/measurement.read-model';

/** Measurement events for one stream, as they will be appended. */
export interface PendingStream {
  readonly streamId: string;
  readonly expectedVersion: number | 'no_stream';
  readonly events: readonly MeasurementEvent[];
}

/**
 * Locks the children (their surviving records) to the end of the caller's transaction, so that their weighings are
 * judged one transaction at a time. Take it before the transaction writes anything: a transaction holding an id from
 * an earlier write when it waits here could append after a later one to the same stream, which the store refuses
 * ('transaction-order'). A row lock per child, taken in id order so that requests for overlapping children cannot
 * deadlock; not an advisory lock, which a weighing day of 5,000 children would take 5,000 times from the server's
 * shared lock table (6,400 entries by default). `ON CONFLICT … DO UPDATE … WHERE false` locks an existing row
 * without writing a new version of it.
 */
export async function lockChildren(client: ClientBase, childIds: readonly string[]): Promise<void> {
  if (childIds.length === 0) return;
  await client.query(
    `INSERT INTO intake_weighed_children (child_id)
     SELECT DISTINCT id FROM unnest($1::uuid[]) AS id ORDER BY id
     ON CONFLICT (child_id) DO UPDATE SET child_id = EXCLUDED.child_id WHERE false`,
    [childIds],
  );
}

/**
 * Judges each child's pending events (the children locked by lockChildren) on its weighings as stored, its merged
 * records' included, from the month of the earliest date a pending event touches on (`touchesFrom`: give it for a
 * correction or void, see earliestDate). Returns the pending streams in their order with their events judged, then
 * one stream per stored weighing whose judgement they change, at the version read under the lock.
 */
export async function judgePending(
  client: ClientBase,
  pending: ReadonlyArray<{
    readonly child: KnownChild;
    /** One measurement's events; its stream is new unless a version is given. */
    readonly events: readonly MeasurementEvent[];
    readonly expectedVersion?: number;
    readonly touchesFrom?: string;
  }>,
): Promise<PendingStream[]> {
  // One child's events are judged together, however many items of a batch they come from.
  const itemsOf = new Map<string, number[]>();
  const since = new Map<string, string>();
  pending.forEach(({ child: { childId }, touchesFrom, events }, index) => {
    itemsOf.set(childId, itemsOf.get(childId) ?? []);
    itemsOf.get(childId)!.push(index);
    const month = `${(touchesFrom ?? earliestDate({ status: 'none' }, events)).slice(0, 7)}-01`;
    if (!since.has(childId) || month < since.get(childId)!) since.set(childId, month);
  });
  const stored = await storedWeighings(
    client,
    [...since].map(([childId, from]) => ({ childId, since: from })),
  );

  const judgedStreams: PendingStream[] = new Array(pending.length);
  const rejudged: PendingStream[] = [];
  for (const [childId, items] of itemsOf) {
    const history = stored.get(childId)!;
    const judged = judgeWeightGain(
      pending[items[0]].child.birthDate,
      history,
      items.flatMap((index) => pending[index].events),
    );
    let next = 0;
    for (const index of items) {
      const { expectedVersion = 'no_stream', events } = pending[index];
      const streamId = measurementStreamId(events[0].data.measurementId);
      judgedStreams[index] = { streamId, expectedVersion, events: judged.slice(next, next + events.length) };
      next += events.length;
    }
    rejudged.push(...rejudgedStreams(history, judged.slice(next)));
  }
  return [...judgedStreams, ...rejudged];
}

/**
 * Judges each child's whole history again, its merged records' included: after a merge or an unmerge changed which
 * weighings are the child's, one stream per stored weighing whose judgement changes. The caller holds the children's
 * locks (lockChildren).
 */
export async function rejudgeHistories(
  client: ClientBase,
  children: readonly Pick<KnownChild, 'childId' | 'birthDate'>[],
): Promise<PendingStream[]> {
  const stored = await storedWeighings(
    client,
    children.map(({ childId }) => ({ childId, since: '0001-01-01' })),
  );
  return children.flatMap(({ childId, birthDate }) => {
    const history = stored.get(childId)!;
    return rejudgedStreams(history, judgeWeightGain(birthDate, history, []));
  });
}

/** Re-judgements of stored weighings, one stream each, at the version read under the lock. */
function rejudgedStreams(history: StoredHistory, rejudged: readonly MeasurementEvent[]): PendingStream[] {
  const versions = new Map(history.recent.map((weighing) => [weighing.measurementId, weighing.streamVersion]));
  return rejudged.map((event) => ({
    streamId: measurementStreamId(event.data.measurementId),
    expectedVersion: versions.get(event.data.measurementId)!,
    events: [event],
  }));
}

/** The earliest date a change of a measurement touches: its date before and, for a correction, after. */
export function earliestDate(before: Measurement, events: readonly MeasurementEvent[]): string {
  const dates = events.flatMap((event) => ('measuredOn' in event.data ? [event.data.measuredOn] : []));
  if (before.status !== 'none') dates.push(before.current.measuredOn);
  return dates.reduce((earliest, date) => (date < earliest ? date : earliest));
}
