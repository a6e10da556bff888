import type { Actor, EventEnvelope } from '@registry/contracts';

/** An instant as the text Date.toISOString writes (milliseconds, UTC), composed by the database. */
const isoInstant = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;

/** An envelope's field. */
export type EnvelopeField = keyof EventEnvelope;

/** Each field as a row of es_events is read (the select item), and the row column toEnvelope takes it from. */
const FIELD_COLUMNS: Record<EnvelopeField, readonly [select: string, column: keyof EventRow]> = {
  eventId: ['event_id', 'event_id'],
  type: ['type', 'type'],
  schemaVersion: ['schema_version', 'schema_version'],
  streamId: ['stream_id', 'stream_id'],
  streamVersion: ['stream_version', 'stream_version'],
  globalPosition: ['global_position::text AS global_position', 'global_position'],
  subjectId: ['subject_id', 'subject_id'],
  occurredAt: [isoInstant('occurred_at'), 'occurred_at'],
  recordedAt: [isoInstant('recorded_at'), 'recorded_at'],
  regencyCode: ['regency_code', 'regency_code'],
  actor: ['actor', 'actor'],
  correlationId: ['correlation_id', 'correlation_id'],
  causationId: ['causation_id', 'causation_id'],
  data: ['data', 'data'],
  previousHash: ['previous_hash', 'previous_hash'],
  hash: ['hash', 'hash'],
};

/** The cursor's columns and those of the fields, for reading rows in commit order. */
const columnsOf = (fields: readonly EnvelopeField[]): string =>
  [
    'global_position::text AS global_position',
    'transaction_id::text AS transaction_id',
    ...fields.filter((field) => field !== 'globalPosition').map((field) => FIELD_COLUMNS[field][0]),
  ].join(', ');

/**
 * Columns of es_events in the shape `toEnvelope` reads. Bigints are read as text: node-postgres type parsers are
 * process-global, and other libraries (Emmett's dumbo, for one) switch int8 to BigInt, which would change envelopes.
 * Instants are read as ISO text: parsing each into a Date and writing it out again was a tenth of a rebuild's
 * reading.
 */
export const eventColumns = columnsOf(Object.keys(FIELD_COLUMNS) as EnvelopeField[]);

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

/** Read whatever fields are asked for: what upcasting needs, and the position (a rebuild's watermark). */
const ALWAYS_READ: readonly EnvelopeField[] = ['type', 'schemaVersion', 'data', 'globalPosition'];

/**
 * Columns and a row mapper reading only some fields of each envelope (and the cursor's columns): for a rebuild whose
 * projection names what it uses (Projection.rebuildReads), since parsing the rest was a quarter of reading.
 * The envelopes have only those fields.
 */
export function partialEnvelopeReader(fields: readonly EnvelopeField[]): {
  readonly columns: string;
  readonly toEvent: (row: EventRow) => EventEnvelope;
} {
  const read = [...new Set([...ALWAYS_READ, ...fields])];
  return {
    columns: columnsOf(read),
    toEvent: (row) => {
      const event: Record<string, unknown> = {};
      for (const field of read) event[field] = row[FIELD_COLUMNS[field][1]];
      return event as unknown as EventEnvelope;
    },
  };
}

/** A piece of SQL text: a string constant, or an expression of a stored event's columns. */
type SqlText = { readonly literal: string } | { readonly sql: string };
const sqlConstant = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** A text column as a JSON string literal, as JSON.stringify writes it (PostgreSQL escapes the same characters). */
const jsonString = (column: string): SqlText[] => [{ sql: `coalesce(to_json(${column})::text, 'null')` }];
/** A column whose text is written between quotes as it is (uuids, decimal positions). */
const quoted = (column: string): SqlText[] => [{ literal: '"' }, { sql: column }, { literal: '"' }];
/** An instant as a JSON string in the form Date.toISOString writes. */
const jsonInstant = (column: string): SqlText[] =>
  quoted(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** Each envelope field's JSON value over es_events' columns, in toEnvelope's order (JSON.stringify keeps it). */
const ENVELOPE_JSON: ReadonlyArray<readonly [EnvelopeField, SqlText[]]> = [
  ['eventId', quoted('event_id')],
  ['type', jsonString('type')],
  ['schemaVersion', [{ sql: 'schema_version' }]],
  ['streamId', jsonString('stream_id')],
  ['streamVersion', [{ sql: 'stream_version' }]],
  ['globalPosition', quoted('global_position')],
  ['subjectId', jsonString('subject_id')],
  ['occurredAt', jsonInstant('occurred_at')],
  ['recordedAt', jsonInstant('recorded_at')],
  ['regencyCode', jsonString('regency_code')],
  // The canonical text the event store stored and hashed: copied, never parsed.
  ['actor', [{ sql: 'actor::text' }]],
  ['correlationId', jsonString('correlation_id')],
  ['causationId', jsonString('causation_id')],
  ['data', [{ sql: 'data::text' }]],
  ['previousHash', jsonString('previous_hash')],
  ['hash', jsonString('hash')],
];

/**
 * An event's envelope as JSON text, composed by the database from the stored columns of es_events, exactly as
 * JSON.stringify would write the envelope toEnvelope reads, less the fields `omitted`. Adjacent constants are
 * joined: every || copies the text so far, and the data is a kilobyte.
 */
export function envelopeJsonSql(omitted: readonly EnvelopeField[] = []): string {
  const pieces = ENVELOPE_JSON.filter(([field]) => !omitted.includes(field)).flatMap(([field, value], i): SqlText[] => [
    { literal: `${i === 0 ? '{' : ','}"${field}":` },
    ...value,
  ]);
  const joined: string[] = [];
  let literal = '';
  for (const piece of [...pieces, { literal: '}' }]) {
    if ('literal' in piece) {
      literal += piece.literal;
      continue;
    }
    if (literal) joined.push(sqlConstant(literal));
    joined.push(piece.sql);
    literal = '';
  }
  joined.push(sqlConstant(literal));
  return joined.join(' || ');
}

/** The envelope the relay publishes (and the live path gets: JSON.stringify of the envelope consumed). */
export const PUBLISHED_ENVELOPE_SQL = envelopeJsonSql();

/** Columns of es_events for publishing: what a message needs besides the envelope's JSON text. */
export const envelopeJsonColumns = `global_position::text AS global_position, transaction_id::text AS transaction_id,
  event_id::text AS event_id, type, schema_version, subject_id, correlation_id, ${PUBLISHED_ENVELOPE_SQL} AS json`;

export interface EnvelopeJsonRow extends Pick<
  EventRow,
  'global_position' | 'transaction_id' | 'event_id' | 'type' | 'schema_version' | 'subject_id' | 'correlation_id'
> {
  readonly json: string;
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

export const toEnvelopeJson = (row: EnvelopeJsonRow): EnvelopeJson => ({
  eventId: row.event_id,
  transactionId: row.transaction_id,
  type: row.type,
  schemaVersion: row.schema_version,
  subjectId: row.subject_id,
  correlationId: row.correlation_id,
  json: row.json,
});

/** es_events' columns as envelopesAsEventRows gives them, with their types. */
const EVENT_ROW_COLUMNS: ReadonlyArray<
  readonly [column: string, type: string, value: (event: EventEnvelope) => unknown]
> = [
  ['global_position', 'bigint', (event) => event.globalPosition],
  ['event_id', 'uuid', (event) => event.eventId],
  ['stream_id', 'text', (event) => event.streamId],
  ['stream_version', 'integer', (event) => event.streamVersion],
  ['type', 'text', (event) => event.type],
  ['schema_version', 'integer', (event) => event.schemaVersion],
  ['subject_id', 'text', (event) => event.subjectId],
  ['regency_code', 'text', (event) => event.regencyCode],
  ['occurred_at', 'timestamptz', (event) => event.occurredAt],
  ['recorded_at', 'timestamptz', (event) => event.recordedAt],
  ['actor', 'json', (event) => JSON.stringify(event.actor)],
  ['correlation_id', 'text', (event) => event.correlationId],
  ['causation_id', 'text', (event) => event.causationId],
  ['data', 'json', (event) => JSON.stringify(event.data)],
  ['previous_hash', 'text', (event) => event.previousHash],
  ['hash', 'text', (event) => event.hash],
];

/**
 * Envelopes (consumed from Kafka, say) as rows shaped like es_events, named `e`: SQL written over a stored event
 * (EventRowsQuery, copiedOnRebuild) then runs unchanged over them, and the live path keeps the rows a rebuild
 * copies. `from` is the FROM item; `values` are its parameters, $1 on.
 */
export function envelopesAsEventRows(events: readonly EventEnvelope[]): {
  readonly from: string;
  readonly values: unknown[][];
} {
  const arrays = EVENT_ROW_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  return {
    from: `unnest(${arrays}) AS e(${EVENT_ROW_COLUMNS.map(([column]) => column).join(', ')})`,
    values: EVENT_ROW_COLUMNS.map(([, , value]) => events.map(value)),
  };
}
