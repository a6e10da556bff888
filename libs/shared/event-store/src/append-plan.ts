import { isUuid, uuidV7, type EventEnvelope, type NewEvent } from '@registry/contracts';
import { canonicalJson } from './canonical-json';
import type { ExpectedVersion } from './errors';
import { canonicalEnvelopeParts, type PendingEvent } from './hash-chain';

export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  /** Defaults to 'any'. 'no_stream' means the stream must not exist yet. */
  readonly expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  readonly streamVersion: number;
  /** Global position of the last event of this append. */
  readonly globalPosition: string;
  readonly events: readonly EventEnvelope[];
}

export interface IdentifiedRequest {
  readonly streamId: string;
  readonly expectedVersion: ExpectedVersion;
  readonly events: readonly PendingEvent[];
}

/** What es_append (schema.ts) decided for each event, in request order. */
export interface StoredChain {
  readonly positions: readonly string[];
  readonly versions: readonly number[];
  readonly previousHashes: readonly (string | null)[];
  readonly hashes: readonly string[];
}

/**
 * Validates requests and completes their events: ids (UUIDv7 from the injected clock when the caller gave none),
 * defaults, recordedAt. `callerEventIds` are the ids the caller chose: only those can make an append a repeat.
 */
export function identifyRequests(
  requests: readonly AppendRequest[],
  now: Date,
): { readonly requests: IdentifiedRequest[]; readonly callerEventIds: string[] } {
  if (requests.length === 0) throw new RangeError('append: nothing to append');
  const recordedAt = now.toISOString();
  const seen = new Set<string>();
  const callerEventIds: string[] = [];
  const identified = requests.map(({ streamId, events, expectedVersion = 'any' }) => {
    if (typeof streamId !== 'string' || streamId.length === 0)
      throw new TypeError('append: streamId must be a non-empty string');
    if (events.length === 0) throw new RangeError(`append: no events for stream ${streamId}`);
    if (typeof expectedVersion === 'number' && (!Number.isInteger(expectedVersion) || expectedVersion < 0)) {
      throw new RangeError(`append: expected version ${expectedVersion} of stream ${streamId} is not a version`);
    }
    return {
      streamId,
      expectedVersion,
      events: events.map((event): PendingEvent => {
        if (event.eventId !== undefined && !isUuid(event.eventId))
          throw new TypeError(`append: event id ${event.eventId} is not a UUID`);
        // PostgreSQL returns uuids in lower case; the hash must be computed over the form it reads back.
        const eventId = event.eventId?.toLowerCase() ?? uuidV7(now.getTime());
        if (seen.has(eventId)) throw new RangeError(`append: event id ${eventId} appears twice`);
        seen.add(eventId);
        if (event.eventId !== undefined) callerEventIds.push(eventId);
        const subjectId = event.subjectId ?? streamId;
        // A child's events are keyed by it, in Kafka and in readers that take the child from the subject (the
        // reporting timeline): one naming another subject would leave the child's order and its history.
        const childId = (event.data as { readonly childId?: unknown } | null)?.childId;
        if (typeof childId === 'string' && subjectId !== childId)
          throw new TypeError(`append: ${event.type} is about child ${childId}, so its subjectId must be ${childId}`);
        return {
          eventId,
          type: event.type,
          schemaVersion: event.schemaVersion ?? 1,
          streamId,
          subjectId,
          occurredAt: event.occurredAt === undefined ? recordedAt : toInstant(event.occurredAt),
          recordedAt,
          regencyCode: event.regencyCode ?? null,
          actor: event.actor,
          correlationId: event.correlationId ?? eventId,
          causationId: event.causationId ?? null,
          data: event.data,
        };
      }),
    };
  });
  return { requests: identified, callerEventIds };
}

/** Bytes of `{"actor":`, where every event's canonical text starts. */
const ACTOR_START = Buffer.byteLength('{"actor":');

/**
 * The parameters of es_append, in its order (see schema.ts). Each event's canonical envelope, cut around what only
 * the store knows (CanonicalEnvelopeParts, the data between the first two parts), goes into one byte string, with
 * seven byte offsets per event: where its actor ends, its data starts and ends, its third, fourth and fifth parts
 * start, and where it ends (the next one starts there). The other fields go as arrays of plain values.
 */
export function appendParameters(
  requests: readonly IdentifiedRequest[],
  callerEventIds: readonly string[],
  now: Date,
): unknown[] {
  const streams = [...new Set(requests.map((request) => request.streamId))];
  const slotOf = new Map(streams.map((streamId, index) => [streamId, index + 1]));
  const events = requests.flatMap((request) => request.events);
  const texts: string[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const event of events) {
    const actor = canonicalJson(event.actor);
    const data = canonicalJson(event.data);
    const parts = canonicalEnvelopeParts(event, actor);
    const actorEnd = at + ACTOR_START + Buffer.byteLength(actor);
    const dataStart = at + Buffer.byteLength(parts[0]);
    const dataEnd = dataStart + Buffer.byteLength(data);
    const secondEnd = dataEnd + Buffer.byteLength(parts[1]);
    const thirdEnd = secondEnd + Buffer.byteLength(parts[2]);
    const fourthEnd = thirdEnd + Buffer.byteLength(parts[3]);
    at = fourthEnd + Buffer.byteLength(parts[4]);
    offsets.push(actorEnd, dataStart, dataEnd, secondEnd, thirdEnd, fourthEnd, at);
    texts.push(parts[0], data, parts[1], parts[2], parts[3], parts[4]);
  }
  return [
    streams,
    requests.map((request) => slotOf.get(request.streamId)),
    requests.map(({ expectedVersion }) =>
      expectedVersion === 'any' ? null : expectedVersion === 'no_stream' ? 0 : expectedVersion,
    ),
    requests.map((request) => request.events.length),
    callerEventIds,
    events.map((event) => event.eventId),
    events.map((event) => event.type),
    events.map((event) => event.schemaVersion),
    events.map((event) => event.subjectId),
    events.map((event) => event.regencyCode),
    events.map((event) => event.occurredAt),
    events.map((event) => event.correlationId),
    events.map((event) => event.causationId),
    Buffer.from(texts.join(''), 'utf8'),
    offsets,
    now.toISOString(),
  ];
}

/** Completes the envelopes with what the store decided, and answers per request. */
export function appendedResults(requests: readonly IdentifiedRequest[], chain: StoredChain): AppendResult[] {
  let index = 0;
  return requests.map(({ events }) => {
    const appended = events.map((event): EventEnvelope => {
      const envelope = {
        ...event,
        streamVersion: chain.versions[index],
        globalPosition: chain.positions[index],
        previousHash: chain.previousHashes[index],
        hash: chain.hashes[index],
      };
      index += 1;
      return envelope;
    });
    const last = appended[appended.length - 1];
    return { streamVersion: last.streamVersion, globalPosition: last.globalPosition, events: appended };
  });
}

/** Rebuilds the results of an append that is already stored, from its events in position order. */
export function replayedResults(
  requests: readonly IdentifiedRequest[],
  stored: readonly EventEnvelope[],
): AppendResult[] {
  return requests.map(({ events }) => {
    const ids = new Set(events.map((event) => event.eventId));
    const appended = stored.filter((event) => ids.has(event.eventId));
    const last = appended[appended.length - 1];
    return { streamVersion: last.streamVersion, globalPosition: last.globalPosition, events: appended };
  });
}

/** PostgreSQL keeps instants, not offsets: store and hash the UTC form so a read-back event hashes the same. */
function toInstant(value: string): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new TypeError(`append: occurredAt ${value} is not a date-time`);
  return instant.toISOString();
}
