import type { EventEnvelope } from './envelope';
import { CURRENT_SCHEMA_VERSION } from './event-registry';
import { s, type Schema } from './schema';

/**
 * What a Kafka message of the registry carries, as schemas: the relay (libs/shared/event-store, kafka-relay.ts) keys
 * each message by the envelope's subjectId, sets these headers, and sends the envelope as JSON text.
 */
export const eventMessageKey = s.described(
  s.string(),
  "The envelope's subjectId: the child's id for every event about a child, so that one child's events stay in one " +
    'partition, in order; otherwise the id of what the event is about (a sponsor, an API key)',
);

/** The envelope's fields but the three that depend on the event type. */
const envelopeFields = {
  eventId: s.described(s.uuid(), 'UUIDv7, unique across the registry: deduplicate by it'),
  streamId: s.described(s.string(), 'The stream the event belongs to, e.g. child-<childId>'),
  streamVersion: s.described(s.integer(), 'The position of the event in its stream, from 1, without gaps'),
  globalPosition: s.described(
    s.matching('^[0-9]+$', 'a decimal position', '42'),
    "The position of the event in the producing service's store, as decimal text (a 64-bit integer)",
  ),
  subjectId: s.described(s.string(), 'The Kafka key of the message'),
  occurredAt: s.described(s.instant(), 'When it happened, as the caller said'),
  recordedAt: s.described(s.instant(), 'When the producing service stored it'),
  regencyCode: s.described(s.nullable(s.regionCode(2)), 'The kabupaten/kota the event belongs to (the tenant)'),
  actor: s.described(
    s.object({ subject: s.string(), role: s.string(), apiKeyId: s.optional(s.string()) }),
    'Who caused the event: the authenticated subject, its role, and the API key it used, if any',
  ),
  correlationId: s.described(s.string(), 'The id of the request that caused the event, shared by its consequences'),
  causationId: s.described(s.nullable(s.string()), 'The id of the event or command that caused this one'),
  previousHash: s.described(s.nullable(s.string()), "The previous event's hash in the same stream; null for the first"),
  hash: s.described(
    s.string(),
    'SHA-256 over the canonical envelope and previousHash: an edited event breaks the chain',
  ),
} satisfies {
  readonly [K in Exclude<keyof EventEnvelope, 'type' | 'schemaVersion' | 'data'>]: Schema<EventEnvelope[K]>;
};

/** The message value: an event of type `type`, its data as the contract `data` says, in its envelope. */
export const eventEnvelopeSchema = (type: string, data: Schema<unknown>) =>
  s.object({
    ...envelopeFields,
    type: s.literal(type),
    schemaVersion: s.literal(CURRENT_SCHEMA_VERSION),
    data,
  });

/** The names of the headers the relay writes on every message (the relay and this document both use them). */
export const EVENT_HEADERS = {
  type: 'event-type',
  id: 'event-id',
  schemaVersion: 'schema-version',
  correlationId: 'correlation-id',
  traceparent: 'traceparent',
  transactionId: 'transaction-id',
} as const;

/** The headers of a message carrying an event of type `type`: UTF-8 text, each repeating part of the envelope. */
export const eventMessageHeaders = (type: string) =>
  s.object({
    [EVENT_HEADERS.type]: s.described(s.literal(type), "The envelope's type"),
    [EVENT_HEADERS.id]: s.described(s.uuid(), "The envelope's eventId"),
    [EVENT_HEADERS.schemaVersion]: s.described(
      s.literal(String(CURRENT_SCHEMA_VERSION)),
      "The envelope's schemaVersion, as decimal text: the version of the data's contract",
    ),
    [EVENT_HEADERS.correlationId]: s.described(s.string(), "The envelope's correlationId"),
    [EVENT_HEADERS.traceparent]: s.described(
      s.matching(
        '^00-[0-9a-f]{32}-[0-9a-f]{16}-01$',
        'a W3C traceparent',
        '00-0193f1c27a5b7c3d8e9f0a1b2c3d4e5f-5e4d3c2b1a0f9e8d-01',
      ),
      'W3C trace context: the trace id is derived from the correlation id (the trace of the request that caused the ' +
        'event), the parent span id from the event id',
    ),
    [EVENT_HEADERS.transactionId]: s.described(
      s.matching('^[0-9]+$', 'a decimal transaction id', '1234'),
      "The PostgreSQL transaction that stored the event; the registry's own consumers use it after a rebuild, an " +
        'integration may ignore it',
    ),
  });
