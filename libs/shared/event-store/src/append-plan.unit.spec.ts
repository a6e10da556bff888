import type { NewEvent } from '@registry/contracts';
import { appendedResults, appendParameters, identifyRequests } from './append-plan';

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
    const [streams, slots, expected, counts, callerIds, eventIds, , , , , , , , , data] = appendParameters(
      requests,
      callerEventIds,
      now,
    );

    // Then streams appear once, requests point at them, and events are flattened in request order
    expect(streams).toEqual(['b', 'a']);
    expect(slots).toEqual([1, 2, 1]);
    expect(expected).toEqual([0, null, 1]);
    expect(counts).toEqual([1, 2, 1]);
    expect(callerIds).toEqual([]);
    expect(eventIds).toHaveLength(4);
    expect(data).toEqual(['{"n":1}', '{"n":2}', '{"n":3}', '{"n":4}']);
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
