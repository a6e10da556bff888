import type { EventEnvelope } from '@registry/contracts';
import { canonicalJson } from './canonical-json';
import { canonicalEnvelopeParts, eventHash, verifyChain, type UnsignedEnvelope } from './hash-chain';

const unsigned = (streamVersion: number, previousHash: string | null, data: unknown): UnsignedEnvelope => ({
  eventId: `0190f0a0-1b2c-7d3e-8f40-00000000000${streamVersion}`,
  type: 'MeasurementRecorded',
  schemaVersion: 2,
  streamId: 'child-1',
  streamVersion,
  globalPosition: String(100 + streamVersion),
  subjectId: 'child-1',
  occurredAt: '2026-11-22T08:00:00.000Z',
  recordedAt: '2026-11-22T08:00:01.000Z',
  regencyCode: '3201',
  actor: { subject: 'kader-7', role: 'kader', apiKeyId: 'key-1' },
  correlationId: 'corr-1',
  causationId: null,
  data,
  previousHash,
});

/** A valid chain of three events, hashed the TypeScript way. */
const chain = (): EventEnvelope[] => {
  const events: EventEnvelope[] = [];
  for (const version of [1, 2, 3]) {
    const envelope = unsigned(version, events[version - 2]?.hash ?? null, { n: version, note: 'ä "quoted" \\ 😀' });
    events.push({ ...envelope, hash: eventHash(envelope) });
  }
  return events;
};

describe('canonicalEnvelopeParts', () => {
  it('rebuilds exactly the canonical JSON of the envelope around data, position, previous hash and version (what es_append hashes)', () => {
    // Given full envelopes, with and without a previous hash
    for (const envelope of [unsigned(1, null, { b: [1, { z: null, a: 'x' }] }), unsigned(7, 'f'.repeat(64), 'plain')]) {
      // When the parts are filled in the way es_append fills them
      const { streamVersion, globalPosition, previousHash, ...pending } = envelope;
      const parts = canonicalEnvelopeParts(pending);
      const assembled =
        parts[0] +
        canonicalJson(pending.data) +
        parts[1] +
        JSON.stringify(globalPosition) +
        parts[2] +
        JSON.stringify(previousHash) +
        parts[3] +
        String(streamVersion) +
        parts[4];

      // Then the text is the canonical JSON of the whole envelope
      expect(assembled).toBe(canonicalJson(envelope));
    }
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain, independent of key order', () => {
    const events = chain().map(
      (event) => Object.fromEntries(Object.entries(event).reverse()) as unknown as EventEnvelope,
    );
    expect(verifyChain(events, 3)).toEqual({ ok: true, streamVersion: 3 });
  });

  it('names an edited event', () => {
    const events = chain();
    const edited = [events[0], { ...events[1], data: { n: 20 } }, events[2]];
    expect(verifyChain(edited, 3)).toEqual({
      ok: false,
      brokenAt: { reason: 'hash-mismatch', eventId: events[1].eventId, streamVersion: 2 },
    });
  });

  it('names an event whose predecessor was replaced, a missing event and a removed tail', () => {
    const events = chain();
    const relinked = [events[0], { ...events[1], previousHash: 'f'.repeat(64) }, events[2]];
    expect(verifyChain(relinked, 3)).toMatchObject({
      ok: false,
      brokenAt: { reason: 'previous-hash-mismatch', streamVersion: 2 },
    });
    expect(verifyChain([events[0], events[2]], 3)).toEqual({
      ok: false,
      brokenAt: { reason: 'missing-event', eventId: null, streamVersion: 2 },
    });
    expect(verifyChain(events.slice(0, 2), 3)).toEqual({
      ok: false,
      brokenAt: { reason: 'missing-event', eventId: null, streamVersion: 3 },
    });
  });
});
