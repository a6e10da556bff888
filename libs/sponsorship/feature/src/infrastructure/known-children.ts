import { findKnownChildren as findInTable, knownChildrenTable, SEX_COLUMN } from '@registry/known-child-store';
import type { KnownChild } from '@registry/sponsorship-domain';
import type { ClientBase } from 'pg';

/** This service's copy of each child (known-children.projection.ts). */
export const SPONSORSHIP_KNOWN_CHILDREN = knownChildrenTable<KnownChild>('sponsorship_known_children', [SEX_COLUMN]);

export async function findKnownChild(
  client: Pick<ClientBase, 'query'>,
  childId: string,
  options: { readonly lock?: boolean } = {},
): Promise<KnownChild | null> {
  return (await findKnownChildren(client, [childId], options)).get(childId) ?? null;
}

/**
 * Children as this service knows them. With `lock`, the rows are held until the transaction ends, so a pledge
 * and a death or move arriving at the same time are decided one after the other.
 */
export const findKnownChildren = (
  client: Pick<ClientBase, 'query'>,
  childIds: readonly string[],
  options: { readonly lock?: boolean } = {},
): Promise<Map<string, KnownChild>> => findInTable(client, SPONSORSHIP_KNOWN_CHILDREN, childIds, options);
