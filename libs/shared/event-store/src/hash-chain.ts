import { createHash } from 'node:crypto';
import type { EventEnvelope } from '@registry/contracts';
import { canonicalJson } from './canonical-json';

export type UnsignedEnvelope = Omit<EventEnvelope, 'hash'>;

/** SHA-256 over the canonical envelope (everything but `hash`) followed by the previous event's hash. */
export const eventHash = (envelope: UnsignedEnvelope): string =>
  createHash('sha256')
    .update(canonicalJson(envelope))
    .update(envelope.previousHash ?? '')
    .digest('hex');

export type ChainBreak =
  | { readonly reason: 'hash-mismatch' | 'previous-hash-mismatch'; readonly eventId: string; readonly streamVersion: number }
  | { readonly reason: 'missing-event'; readonly eventId: null; readonly streamVersion: number };

export type StreamVerification =
  | { readonly ok: true; readonly streamVersion: number }
  | { readonly ok: false; readonly brokenAt: ChainBreak };

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
      return { ok: false, brokenAt: { reason: 'previous-hash-mismatch', eventId: event.eventId, streamVersion: event.streamVersion } };
    }
    const { hash, ...unsigned } = event;
    if (eventHash(unsigned) !== hash) {
      return { ok: false, brokenAt: { reason: 'hash-mismatch', eventId: event.eventId, streamVersion: event.streamVersion } };
    }
    previousHash = hash;
  }
  if (events.length < headVersion) {
    return { ok: false, brokenAt: { reason: 'missing-event', eventId: null, streamVersion: events.length + 1 } };
  }
  return { ok: true, streamVersion: events.length };
}
