import { createHash } from 'node:crypto';
import type { EventEnvelope } from '@registry/contracts';
import { canonicalJson } from './canonical-json';

export type UnsignedEnvelope = Omit<EventEnvelope, 'hash'>;

/** An event with everything but what the store decides under its stream lock: version, position, chain. */
export type PendingEvent = Omit<UnsignedEnvelope, 'streamVersion' | 'globalPosition' | 'previousHash'>;

/** SHA-256 over the canonical envelope (everything but `hash`) followed by the previous event's hash. */
export const eventHash = (envelope: UnsignedEnvelope): string =>
  createHash('sha256')
    .update(canonicalJson(envelope))
    .update(envelope.previousHash ?? '')
    .digest('hex');

/**
 * The canonical envelope JSON cut around the data (sent once, also stored as jsonb) and the three values only the
 * store knows (global position, previous hash, stream version), so es_append (schema.ts) can hash under its stream
 * lock, in the same statement. For JSON texts of data, position, previous hash (or null) and version,
 * parts[0] + data + parts[1] + position + parts[2] + previousHash + parts[3] + version + parts[4]
 * is canonicalJson(envelope). Keys in canonical (sorted) order; the unit test breaks when the envelope gains a field.
 */
export type CanonicalEnvelopeParts = readonly [string, string, string, string, string];

export function canonicalEnvelopeParts(
  event: PendingEvent,
  actorJson = canonicalJson(event.actor),
): CanonicalEnvelopeParts {
  const json = JSON.stringify;
  return [
    `{"actor":${actorJson},"causationId":${json(event.causationId)},"correlationId":${json(event.correlationId)},"data":`,
    `,"eventId":${json(event.eventId)},"globalPosition":`,
    `,"occurredAt":${json(event.occurredAt)},"previousHash":`,
    `,"recordedAt":${json(event.recordedAt)},"regencyCode":${json(event.regencyCode)},"schemaVersion":${json(event.schemaVersion)},` +
      `"streamId":${json(event.streamId)},"streamVersion":`,
    `,"subjectId":${json(event.subjectId)},"type":${json(event.type)}}`,
  ];
}

export type ChainBreak =
  | {
      readonly reason: 'hash-mismatch' | 'previous-hash-mismatch';
      readonly eventId: string;
      readonly streamVersion: number;
    }
  | { readonly reason: 'missing-event'; readonly eventId: null; readonly streamVersion: number };

export type StreamVerification =
  { readonly ok: true; readonly streamVersion: number } | { readonly ok: false; readonly brokenAt: ChainBreak };

/**
 * Checks one stream's events, read in version order, against each other and against the stream's recorded head
 * version, so an edited, deleted or reordered event is named.
 */
export function verifyChain(events: readonly EventEnvelope[], headVersion: number): StreamVerification {
  let previousHash: string | null = null;
  for (const [index, event] of events.entries()) {
    const expectedVersion = index + 1;
    if (event.streamVersion !== expectedVersion) {
      return { ok: false, brokenAt: { reason: 'missing-event', eventId: null, streamVersion: expectedVersion } };
    }
    if (event.previousHash !== previousHash) {
      return {
        ok: false,
        brokenAt: { reason: 'previous-hash-mismatch', eventId: event.eventId, streamVersion: event.streamVersion },
      };
    }
    const { hash, ...unsigned } = event;
    if (eventHash(unsigned) !== hash) {
      return {
        ok: false,
        brokenAt: { reason: 'hash-mismatch', eventId: event.eventId, streamVersion: event.streamVersion },
      };
    }
    previousHash = hash;
  }
  if (events.length < headVersion) {
    return { ok: false, brokenAt: { reason: 'missing-event', eventId: null, streamVersion: events.length + 1 } };
  }
  return { ok: true, streamVersion: events.length };
}
