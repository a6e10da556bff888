import { isUuid, uuidV7, type EventEnvelope, type NewEvent } from '@registry/contracts';
import { ConcurrentAppendError, ExpectedVersionConflictError, type ExpectedVersion } from './errors';
import { eventHash } from './hash-chain';

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
  readonly events: readonly (NewEvent & { readonly eventId: string })[];
}

/** The locked state of a stream as the append transaction found it. */
export interface StreamHead {
  readonly version: number;
  readonly lastHash: string;
  readonly lastTransactionId: bigint;
}

export interface StreamWrite {
  readonly streamId: string;
  readonly version: number;
  readonly lastHash: string;
  readonly isNew: boolean;
}

export interface AppendPlan {
  readonly envelopes: readonly EventEnvelope[];
  readonly results: readonly AppendResult[];
  readonly streamWrites: readonly StreamWrite[];
}

/**
 * Validates requests and gives every event an id (UUIDv7 from the injected clock when the caller gave none).
 * `callerEventIds` are the ids the caller chose: only those can make an append a repeat of an earlier one.
 */
export function identifyRequests(
  requests: readonly AppendRequest[],
  now: Date,
): { readonly requests: IdentifiedRequest[]; readonly callerEventIds: string[] } {
  if (requests.length === 0) throw new RangeError('append: nothing to append');
  const seen = new Set<string>();
  const callerEventIds: string[] = [];
  const identified = requests.map(({ streamId, events, expectedVersion = 'any' }) => {
    if (typeof streamId !== 'string' || streamId.length === 0) throw new TypeError('append: streamId must be a non-empty string');
    if (events.length === 0) throw new RangeError(`append: no events for stream ${streamId}`);
    if (typeof expectedVersion === 'number' && (!Number.isInteger(expectedVersion) || expectedVersion < 0)) {
      throw new RangeError(`append: expected version ${expectedVersion} of stream ${streamId} is not a version`);
    }
    return {
      streamId,
      expectedVersion,
      events: events.map((event) => {
        if (event.eventId !== undefined && !isUuid(event.eventId)) throw new TypeError(`append: event id ${event.eventId} is not a UUID`);
        // PostgreSQL returns uuids in lower case; the hash must be computed over the form it reads back.
        const eventId = event.eventId?.toLowerCase() ?? uuidV7(now.getTime());
        if (seen.has(eventId)) throw new RangeError(`append: event id ${eventId} appears twice`);
        seen.add(eventId);
        if (event.eventId !== undefined) callerEventIds.push(eventId);
        return { ...event, eventId };
      }),
    };
  });
  return { requests: identified, callerEventIds };
}

/**
 * Decides versions, positions and hashes for an append, given the stream heads locked by its transaction.
 * Requests for the same stream are applied in order; each one's expected version is checked against the version
 * the requests before it left.
 */
export function planAppend(
  requests: readonly IdentifiedRequest[],
  heads: ReadonlyMap<string, StreamHead>,
  context: { readonly positions: readonly string[]; readonly transactionId: bigint; readonly now: Date },
): AppendPlan {
  const recordedAt = context.now.toISOString();
  const state = new Map<string, { version: number; lastHash: string | null; isNew: boolean }>();
  for (const { streamId } of requests) {
    if (state.has(streamId)) continue;
    const head = heads.get(streamId);
    if (head && head.lastTransactionId > context.transactionId) throw new ConcurrentAppendError([streamId], 'transaction-order');
    state.set(streamId, head ? { version: head.version, lastHash: head.lastHash, isNew: false } : { version: 0, lastHash: null, isNew: true });
  }

  const envelopes: EventEnvelope[] = [];
  const results = requests.map(({ streamId, expectedVersion, events }) => {
    const stream = state.get(streamId)!;
    if (!matches(expectedVersion, stream.version)) throw new ExpectedVersionConflictError(streamId, expectedVersion, stream.version);
    const appended = events.map((event) => {
      const unsigned = {
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        streamId,
        streamVersion: stream.version + 1,
        globalPosition: context.positions[envelopes.length],
        subjectId: event.subjectId ?? streamId,
        occurredAt: event.occurredAt === undefined ? recordedAt : toInstant(event.occurredAt),
        recordedAt,
        regencyCode: event.regencyCode ?? null,
        actor: event.actor,
        correlationId: event.correlationId ?? event.eventId,
        causationId: event.causationId ?? null,
        data: event.data,
        previousHash: stream.lastHash,
      };
      const envelope: EventEnvelope = { ...unsigned, hash: eventHash(unsigned) };
      envelopes.push(envelope);
      stream.version = envelope.streamVersion;
      stream.lastHash = envelope.hash;
      return envelope;
    });
    const last = appended[appended.length - 1];
    return { streamVersion: last.streamVersion, globalPosition: last.globalPosition, events: appended };
  });

  const streamWrites = [...state].map(([streamId, stream]) => ({
    streamId,
    version: stream.version,
    lastHash: stream.lastHash!,
    isNew: stream.isNew,
  }));
  return { envelopes, results, streamWrites };
}

/** Rebuilds the results of an append that is already stored, from its events in position order. */
export function replayedResults(requests: readonly IdentifiedRequest[], stored: readonly EventEnvelope[]): AppendResult[] {
  const byId = new Map(stored.map((event) => [event.eventId, event]));
  return requests.map(({ events }) => {
    const appended = events.map((event) => byId.get(event.eventId)!);
    const last = appended[appended.length - 1];
    return { streamVersion: last.streamVersion, globalPosition: last.globalPosition, events: appended };
  });
}

const matches = (expected: ExpectedVersion, actual: number): boolean =>
  expected === 'any' || (expected === 'no_stream' ? actual === 0 : expected === actual);

/** PostgreSQL keeps instants, not offsets: store and hash the UTC form so a read-back event hashes the same. */
function toInstant(value: string): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new TypeError(`append: occurredAt ${value} is not a date-time`);
  return instant.toISOString();
}
