import type { Actor, EventEnvelope } from '@registry/contracts';

/** An instant as the text Date.toISOString writes (milliseconds, UTC), composed by the database. */
const isoInstant = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;

/**
 * Columns of es_events in the shape `toEnvelope` reads. Bigints are read as text: node-postgres type parsers are
 * process-global, and other libraries (Emmett's dumbo, for one) switch int8 to BigInt, which would change envelopes.
 * Instants are read as ISO text: parsing each into a Date and writing it out again was a tenth of a rebuild's
 * reading.
 */
export const eventColumns = `global_position::text AS global_position, transaction_id::text AS transaction_id, event_id, stream_id, stream_version, type,
  schema_version, subject_id, regency_code, ${isoInstant('occurred_at')}, ${isoInstant('recorded_at')}, actor, correlation_id,
  causation_id, data, previous_hash, hash`;

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
  readonly occurred_at: string;
  readonly recorded_at: string;
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
  occurredAt: row.occurred_at,
  recordedAt: row.recorded_at,
  regencyCode: row.regency_code,
  actor: row.actor,
  correlationId: row.correlation_id,
  causationId: row.causation_id,
  data: row.data,
  previousHash: row.previous_hash,
  hash: row.hash,
});

/**
 * Columns of es_events as text, for composing an envelope's JSON without parsing the stored JSON and writing it
 * again (the relay publishes every event). Instants in the form Date.toISOString writes.
 */
export const envelopeJsonColumns = `global_position::text AS global_position, transaction_id::text AS transaction_id,
  event_id::text AS event_id, stream_id, stream_version, type, schema_version, subject_id, regency_code,
  ${isoInstant('occurred_at')}, ${isoInstant('recorded_at')},
  actor::text AS actor, correlation_id, causation_id, data::text AS data, previous_hash, hash`;

/** The same row with the timestamps, actor and data as the text PostgreSQL stores and renders. */
export interface EnvelopeJsonRow extends Omit<EventRow, 'actor' | 'data'> {
  readonly actor: string;
  readonly data: string;
}

/** A stored event as its envelope's JSON text (JSON.parse of it equals toEnvelope of the row), with what a message needs besides. */
export interface EnvelopeJson {
  readonly eventId: string;
  /** The transaction that stored the event: a rebuild's consumer tells by it which events the rebuild applied. */
  readonly transactionId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly subjectId: string;
  readonly correlationId: string;
  readonly json: string;
}

export function toEnvelopeJson(row: EnvelopeJsonRow): EnvelopeJson {
  const text = JSON.stringify;
  const json =
    `{"eventId":${text(row.event_id)},"type":${text(row.type)},"schemaVersion":${row.schema_version},` +
    `"streamId":${text(row.stream_id)},"streamVersion":${row.stream_version},"globalPosition":${text(row.global_position)},` +
    `"subjectId":${text(row.subject_id)},"occurredAt":${text(row.occurred_at)},"recordedAt":${text(row.recorded_at)},` +
    `"regencyCode":${text(row.regency_code)},"actor":${row.actor},"correlationId":${text(row.correlation_id)},` +
    `"causationId":${text(row.causation_id)},"data":${row.data},"previousHash":${text(row.previous_hash)},"hash":${text(row.hash)}}`;
  return {
    eventId: row.event_id,
    transactionId: row.transaction_id,
    type: row.type,
    schemaVersion: row.schema_version,
    subjectId: row.subject_id,
    correlationId: row.correlation_id,
    json,
  };
}
