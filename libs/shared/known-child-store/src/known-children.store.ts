import { evolveKnownChild, type ChildCopy, type IdentityEvent, type KnownChild } from '@registry/known-child';
import type { ClientBase } from 'pg';
import type { KnownChildrenTable } from './known-children-table';

type Queryable = Pick<ClientBase, 'query'>;

/**
 * The children of these ids in the service's table, by id as PostgreSQL answers it (lower case). With `lock`, the
 * rows are held until the transaction ends.
 */
export async function findKnownChildren<C extends ChildCopy>(
  client: Queryable,
  table: KnownChildrenTable<C>,
  childIds: readonly string[],
  options: { readonly lock?: boolean } = {},
): Promise<Map<string, C>> {
  const text = options.lock ? table.select.forShare : table.select.plain;
  const name = table.prepared ? `${table.name}-by-id${options.lock ? '-for-share' : ''}` : undefined;
  const { rows } = await client.query<C>({ name, text, values: [childIds] });
  return new Map(rows.map((row) => [row.childId, row]));
}

/** Inserts or replaces the children, in one statement. */
export async function saveKnownChildren<C extends ChildCopy>(
  client: Queryable,
  table: KnownChildrenTable<C>,
  children: readonly C[],
): Promise<void> {
  if (children.length === 0) return;
  await client.query(table.upsert, [JSON.stringify(children)]);
}

/**
 * Applies identity events, in order, to a copy that keeps the sex: their children read once, folded, and written in
 * one statement. How many children changed (none for events about children never registered).
 */
export async function copyIdentityEvents(
  client: Queryable,
  table: KnownChildrenTable<KnownChild>,
  events: readonly IdentityEvent[],
): Promise<number> {
  if (events.length === 0) return 0;
  const known = await findKnownChildren(client, table, [...new Set(events.map((event) => event.data.childId))]);
  const changed = new Map<string, KnownChild>();
  for (const event of events) {
    const childId = event.data.childId;
    const next = evolveKnownChild(changed.get(childId) ?? known.get(childId) ?? null, event);
    if (next !== null) changed.set(childId, next);
  }
  await saveKnownChildren(client, table, [...changed.values()]);
  return changed.size;
}
