import type { EventEnvelope } from '@registry/contracts';
import type { PoolClient } from 'pg';
import type { EventRowsQuery } from './event-store';
import type { EnvelopeField } from './event-rows';

/** Rows a rebuild copies from the source databases straight into one of the projection's tables. */
export interface CopiedRows extends EventRowsQuery {
  readonly table: string;
  /** The columns the select list fills, in its order. */
  readonly columns: readonly string[];
}

/** A read model kept in PostgreSQL tables, built from events. */
export interface Projection {
  /** Identifies the projection's bookkeeping (processed events, offsets, dead letters). */
  readonly name: string;
  /** Every table the projection writes: a rebuild truncates them. */
  readonly tables: readonly string[];
  /**
   * Optional: whether the projection needs events of this type. The consumer passes the others by without reading,
   * claiming or applying them (only their offset is stored): most projections need a few of a topic's types.
   */
  handles?(type: string): boolean;
  /**
   * Applies one event, at its current schema version, inside the transaction that also records it as processed.
   * Use only `client` for writes. Ignore event types the projection does not need.
   */
  apply(event: EventEnvelope, client: PoolClient): Promise<void>;
  /**
   * Optional bulk path for the live consumer (ProjectionConsumer uses it instead of apply): applies a chunk of fresh
   * events (already claimed, each once, upcast), in order, inside the transaction that records them. It must leave
   * exactly what apply() on each in turn would. If it throws, the chunk is rolled back and replayed with apply().
   */
  applyBatch?(events: readonly EventEnvelope[], client: PoolClient): Promise<void>;
  /**
   * Optional: runs once at the start of a rebuild, after the truncation and before the first event, in its
   * transaction: for state the rebuild's batches build up in memory until finishRebuild.
   */
  startRebuild?(client: PoolClient): Promise<void>;
  /**
   * Optional bulk path for rebuilds (rebuildProjection uses it instead of apply): applies a batch of events, in
   * commit order, to the truncated tables. After the last batch and finishRebuild, the tables must equal what
   * apply() on each event in turn would have left.
   */
  applyRebuildBatch?(events: readonly EventEnvelope[], client: PoolClient): Promise<void>;
  /**
   * Optional: the only envelope fields the projection's rebuild uses (type, schemaVersion, data and globalPosition are
   * always read): a rebuild reads no others, and its batches' envelopes have no others. Parsing every field was a
   * quarter of reading the events.
   */
  readonly rebuildReads?: readonly EnvelopeField[];
  /**
   * Optional: indexes of the projection's tables (by name) that only serve lookups of the live path. A rebuild drops
   * them once the tables are truncated and creates them again after the last event, before finishRebuild: one sort
   * each instead of millions of inserts into them. Only indexes the rebuild's own statements can do without.
   */
  readonly indexesDeferredOnRebuild?: readonly string[];
  /**
   * Optional: runs once after a rebuild's last batch, before the deferred indexes are created: to finish writing
   * what the batches streamed (a COPY still open on the connection, say).
   */
  endRebuildBatches?(client: PoolClient): Promise<void>;
  /**
   * Optional: runs once after a rebuild's last event, in its transaction (e.g. to build aggregates set-based). The
   * deferred indexes are being created meanwhile: its statements run after them, what it computes before its first
   * statement runs while the database builds them.
   */
  finishRebuild?(client: PoolClient): Promise<void>;
  /**
   * Optional, for a projection each of whose rows is one stored event's, computed by SQL (the timeline): a rebuild
   * then has each source database compute the rows and streams them into the table with binary COPY, never decoding
   * them in this process, instead of applying events. Such a projection sees events as stored on both paths: the
   * consumer does not upcast them either, or the two would keep different rows.
   */
  readonly copiedOnRebuild?: CopiedRows;
}
