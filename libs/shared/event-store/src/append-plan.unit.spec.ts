import type { NewEvent } from '@registry/contracts';
import { appendedResults, appendParameters, identifyRequests } from './append-plan';
import { canonicalJson } from './canonical-json';
import { canonicalEnvelopeParts } from './hash-chain';

const now = new Date(Date.UTC(2026, 10, 22, 8, 0, 0));
const event = (data: unknown, extra: Partial<NewEvent> = {}): NewEvent => ({
  type: 'MeasurementRecorded',
  regencyCode: '3201',
  actor: { subject: 'kader-7', role: 'kader' },
  data,
  ...extra,
});

describe('identifyRequests', () => {
  it('fills the envelope defaults from the stream and the injected clock', () => {
    // Given an event with only the required fields / When it is identified
    const { requests } = identifyRequests([{ streamId: 'child-1', events: [event({ n: 1 })] }], now);

    // Then it gets a UUIDv7 id from the clock and the documented defaults
    const [identified] = requests[0].events;
    expect(parseInt(identified.eventId.replace(/-/g, '').slice(0, 12), 16)).toBe(now.getTime());
    expect(identified).toMatchObject({
      schemaVersion: 1,
      subjectId: 'child-1',
      recordedAt: now.toISOString(),
      occurredAt: now.toISOString(),
      correlationId: identified.eventId,
      causationId: null,
    });
    expect(requests[0].expectedVersion).toBe('any');
  });

  it('keeps caller ids (lower-cased) and lists only those as the ids that make an append a repeat', () => {
    const given = '0190F0A0-1B2C-7D3E-8F40-123456789ABC';
    const { requests, callerEventIds } = identifyRequests(
      [{ streamId: 's', events: [event({}, { eventId: given }), event({})] }],
      now,
    );
    expect(requests[0].events[0].eventId).toBe(given.toLowerCase());
    expect(callerEventIds).toEqual([given.toLowerCase()]);
  });

  it('stores occurredAt as the UTC instant, so the read-back event hashes the same', () => {
    const { requests } = identifyRequests(
      [{ streamId: 's', events: [event({}, { occurredAt: '2026-11-22T15:00:00+07:00' })] }],
      now,
    );
    expect(requests[0].events[0].occurredAt).toBe('2026-11-22T08:00:00.000Z');
  });

  it('rejects empty appends, ids that are not UUIDs, ids used twice and dates that are not dates', () => {
    expect(() => identifyRequests([], now)).toThrow(RangeError);
    expect(() => identifyRequests([{ streamId: 's', events: [] }], now)).toThrow(RangeError);
    expect(() => identifyRequests([{ streamId: 's', events: [event({}, { eventId: 'nope' })] }], now)).toThrow(
      TypeError,
    );
    const id = '0190f0a0-1b2c-7d3e-8f40-123456789abc';
    expect(() =>
      identifyRequests([{ streamId: 's', events: [event({}, { eventId: id }), event({}, { eventId: id })] }], now),
    ).toThrow(/twice/);
    expect(() => identifyRequests([{ streamId: 's', events: [event({}, { occurredAt: 'yesterday' })] }], now)).toThrow(
      /date-time/,
    );
    expect(() => identifyRequests([{ streamId: 's', events: [event({})], expectedVersion: -1 }], now)).toThrow(
      RangeError,
    );
  });

  it("rejects an event about a child whose subject is not that child: a child's events are keyed by it", () => {
    // Given events whose data names a child, on a stream of their own (a measurement's, a case's)
    const childId = '0190f0a0-1b2c-7d3e-8f40-123456789abc';
    const about = (subjectId?: string) => [
      { streamId: 'measurement-1', events: [event({ childId }, subjectId === undefined ? {} : { subjectId })] },
    ];

    // Then it is appended with the child as its subject, and refused with any other or none (the stream's)
    expect(identifyRequests(about(childId), now).requests[0].events[0].subjectId).toBe(childId);
    expect(() => identifyRequests(about('measurement-1'), now)).toThrow(/subjectId must be 0190f0a0/);
    expect(() => identifyRequests(about(), now)).toThrow(TypeError);
    expect(identifyRequests([{ streamId: 's', events: [event({ keyId: 'k' })] }], now).requests).toHaveLength(1);
  });
});

describe('appendParameters', () => {
  it('numbers each distinct stream once and maps expected versions (any → null, no_stream → 0)', () => {
    // Given three requests, two of them for the same stream
    const { requests, callerEventIds } = identifyRequests(
      [
        { streamId: 'b', events: [event({ n: 1 })], expectedVersion: 'no_stream' },
        { streamId: 'a', events: [event({ n: 2 }), event({ n: 3 })] },
        { streamId: 'b', events: [event({ n: 4 })], expectedVersion: 1 },
      ],
      now,
    );

    // When the es_append parameters are built
    const [streams, slots, expected, counts, callerIds, eventIds, , , , , , , , canonical, offsets, recordedAt] =
      appendParameters(requests, callerEventIds, now);

    // Then streams appear once, requests point at them, and events are flattened in request order
    expect(streams).toEqual(['b', 'a']);
    expect(slots).toEqual([1, 2, 1]);
    expect(expected).toEqual([0, null, 1]);
    expect(counts).toEqual([1, 2, 1]);
    expect(callerIds).toEqual([]);
    expect(eventIds).toHaveLength(4);
    expect(recordedAt).toBe(now.toISOString());

    // And the byte string holds each event's canonical parts around its data, cut where the offsets say
    const bytes = canonical as Buffer;
    const cut = offsets as number[];
    const pieces = requests
      .flatMap((request) => request.events)
      .map((event, index) => {
        const [actorEnd, dataStart, dataEnd, secondEnd, thirdEnd, fourthEnd, end] = cut.slice(7 * index, 7 * index + 7);
        const start = index === 0 ? 0 : cut[7 * index - 1];
        const text = (from: number, to: number) => bytes.subarray(from, to).toString('utf8');
        const parts = canonicalEnvelopeParts(event);
        expect(text(start, dataStart)).toBe(parts[0]);
        expect(text(dataEnd, secondEnd)).toBe(parts[1]);
        expect([text(secondEnd, thirdEnd), text(thirdEnd, fourthEnd), text(fourthEnd, end)]).toEqual(parts.slice(2));
        expect(text(start + '{"actor":'.length, actorEnd)).toBe(canonicalJson(event.actor));
        return text(dataStart, dataEnd);
      });
    expect(pieces).toEqual(['{"n":1}', '{"n":2}', '{"n":3}', '{"n":4}']);
    expect(cut[cut.length - 1]).toBe(bytes.length);
  });

  it('counts offsets in bytes, not characters, when the text is not ASCII', () => {
    // Given an event whose actor and data hold characters of two, three and four bytes in UTF-8
    const { requests, callerEventIds } = identifyRequests(
      [{ streamId: 's', events: [event({ name: 'é ü ह 😀' }, { actor: { subject: 'Siti 😀', role: 'kader' } })] }],
      now,
    );

    // When the parameters are built / Then the offsets cut the UTF-8 bytes at the data exactly
    const [, , , , , , , , , , , , , canonical, offsets] = appendParameters(requests, callerEventIds, now);
    const cut = offsets as number[];
    expect((canonical as Buffer).subarray(cut[1], cut[2]).toString('utf8')).toBe('{"name":"é ü ह 😀"}');
    expect((canonical as Buffer).subarray(9, cut[0]).toString('utf8')).toBe('{"role":"kader","subject":"Siti 😀"}');
  });
});

describe('appendedResults', () => {
  it("completes each request's envelopes with the stored chain and reports its last version and position", () => {
    const { requests } = identifyRequests(
      [
        { streamId: 'a', events: [event({ n: 1 }), event({ n: 2 })] },
        { streamId: 'b', events: [event({ n: 3 })] },
      ],
      now,
    );
    const results = appendedResults(requests, {
      positions: ['7', '8', '9'],
      versions: [4, 5, 1],
      previousHashes: ['h3', 'h4', null],
      hashes: ['h4', 'h5', 'x1'],
    });
    expect(results.map(({ streamVersion, globalPosition }) => ({ streamVersion, globalPosition }))).toEqual([
      { streamVersion: 5, globalPosition: '8' },
      { streamVersion: 1, globalPosition: '9' },
    ]);
    expect(results[0].events[1]).toMatchObject({
      streamId: 'a',
      streamVersion: 5,
      globalPosition: '8',
      previousHash: 'h4',
      hash: 'h5',
      data: { n: 2 },
    });
  });
});
