import type { KnownChild } from '@registry/intake-domain';
import { findKnownChildren as findInTable, knownChildrenTable, SEX_COLUMN } from '@registry/known-child-store';
import type { ClientBase } from 'pg';

/** Intake's copy of each child (known-children.projection.ts); prepared: every measurement looks its child up. */
export const INTAKE_KNOWN_CHILDREN = knownChildrenTable<KnownChild>('intake_known_children', [SEX_COLUMN], {
  prepared: true,
});

/** Intake's copy of these children, by id. */
export const findKnownChildren = (
  client: Pick<ClientBase, 'query'>,
  childIds: readonly string[],
): Promise<Map<string, KnownChild>> => findInTable(client, INTAKE_KNOWN_CHILDREN, childIds);
