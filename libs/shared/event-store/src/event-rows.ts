import type { Actor, EventEnvelope } from '@registry/contracts';

/**
 * Columns of es_events in the shape `toEnvelope` reads. Bigints are read as text: node-postgres type parsers are
 * process-global, and other libraries (Emmett's dumbo, for one) switch int8 to BigInt, which would change envelopes.
 */
export const eventColumns = `global_position::text AS global_position, transaction_id::text AS transaction_id, event_id, stream_id, stream_version, type,
  schema_version, subject_id, regency_code, occurred_at, recorded_at, actor, correlation_id, causation_id, data,
  previous_hash, hash`;

export interface EventRow {
  readonly global_position: string;
  readonly transaction_id: string;
  readonly event_id: string;
  readonly stream_id: string;
  readonly stream_version: number;
  readonly type: string;
  readonly schema_version: number;
  readonly subject_id: string;
  readonly regency_code: string | null;
  readonly occurred_at: Date;
  readonly recorded_at: Date;
  readonly actor: Actor;
  readonly correlation_id: string;
  readonly causation_id: string | null;
  readonly data: unknown;
  readonly previous_hash: string | null;
  readonly hash: string;
}

export const toEnvelope = (row: EventRow): EventEnvelope => ({
  eventId: row.event_id,
  type: row.type,
  schemaVersion: row.schema_version,
  streamId: row.stream_id,
  streamVersion: row.stream_version,
  globalPosition: row.global_position,
  subjectId: row.subject_id,
  occurredAt: row.occurred_at.toISOString(),
  recordedAt: row.recorded_at.toISOString(),
  regencyCode: row.regency_code,
  actor: row.actor,
  correlationId: row.correlation_id,
  causationId: row.causation_id,
  data: row.data,
  previousHash: row.previous_hash,
  hash: row.hash,
});
