import type { EventEnvelope } from '@registry/contracts';
import type { PoolClient } from 'pg';

/** A read model kept in PostgreSQL tables, built from events. */
export interface Projection {
  /** Identifies the projection's bookkeeping (processed events, offsets, dead letters). */
  readonly name: string;
  /** Every table the projection writes: a rebuild truncates them. */
  readonly tables: readonly string[];
  /**
   * Applies one event, at its current schema version, inside the transaction that also records it as processed.
   * Use only `client` for writes. Ignore event types the projection does not need.
   */
  apply(event: EventEnvelope, client: PoolClient): Promise<void>;
}
