import type { ClientBase, Pool } from 'pg';
import type { EventEnvelope } from '@registry/contracts';
import {
  identifyRequests,
  planAppend,
  replayedResults,
  type AppendRequest,
  type AppendResult,
  type IdentifiedRequest,
  type StreamHead,
} from './append-plan';
import { canonicalJson } from './canonical-json';
import { ConcurrentAppendError, EventIdReuseError, type ExpectedVersion } from './errors';
import { eventColumns, toEnvelope, type EventRow } from './event-rows';
import { verifyChain, type StreamVerification } from './hash-chain';

/** Appends notify this channel at commit; the relay listens to it instead of polling hard. */
export const EVENTS_APPENDED_CHANNEL = 'es_events_appended';

/**
 * A place in the commit order of all streams. The global position alone is not one (see schema.ts): the relay
 * and replays continue after the last (transactionId, globalPosition) pair they handled.
 */
export interface AllStreamCursor {
  readonly transactionId: string;
  readonly globalPosition: string;
}

export const beginningOfAll: AllStreamCursor = { transactionId: '0', globalPosition: '0' };

export interface ReadAllBatch {
  readonly events: readonly EventEnvelope[];
  /** The cursor to continue from: after the last event of this batch, or `after` when the batch is empty. */
  readonly next: AllStreamCursor;
}

/** Anything that can replay all events in commit order: an EventStore, or a reader over another service's store. */
export interface AllStreamReader {
  readAll(options?: { readonly after?: AllStreamCursor; readonly limit?: number }): Promise<ReadAllBatch>;
}

export interface AppendOptions {
  readonly expectedVersion?: ExpectedVersion;
  /** recordedAt of the events, and the clock of generated UUIDv7 ids. Defaults to the store's clock. */
  readonly now?: Date;
}

/** Appends inside a transaction the caller owns, next to the caller's own writes. */
export interface EventStoreSession {
  readonly client: ClientBase;
  append(streamId: string, events: AppendRequest['events'], options?: AppendOptions): Promise<AppendResult>;
  /** Appends to many streams at once; the streams are locked in sorted order, so concurrent calls cannot deadlock. */
  appendMany(requests: readonly AppendRequest[], options?: { readonly now?: Date }): Promise<AppendResult[]>;
  readStream(streamId: string, options?: { readonly fromVersion?: number }): Promise<EventEnvelope[]>;
}

export interface EventStoreOptions {
  readonly clock?: () => Date;
}

const UNIQUE_VIOLATION = '23505';
/** Own-transaction appends retry races they can resolve by themselves (see ConcurrentAppendError). */
const MAX_APPEND_ATTEMPTS = 5;

/** The event store of one service's database. Appends are atomic per call and hash-chained per stream. */
export class EventStore implements AllStreamReader {
  private readonly clock: () => Date;

  constructor(
    readonly pool: Pool,
    options: EventStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  append(streamId: string, events: AppendRequest['events'], options: AppendOptions = {}): Promise<AppendResult> {
    return this.appendInOwnTransaction([{ streamId, events, expectedVersion: options.expectedVersion }], options.now).then(
      ([result]) => result,
    );
  }

  /** Bulk intake: every stream of the batch in one transaction, all or nothing. */
  appendMany(requests: readonly AppendRequest[], options: { readonly now?: Date } = {}): Promise<AppendResult[]> {
    return this.appendInOwnTransaction(requests, options.now);
  }

  /**
   * Runs `work` in one transaction and commits it, or rolls it back when `work` throws. An append that throws
   * leaves the transaction unusable or inconsistent: let the error propagate (or roll back yourself).
   */
  async withTransaction<T>(work: (session: EventStoreSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(this.session(client));
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
        client.release();
      } catch (rollbackError) {
        client.release(rollbackError as Error);
      }
      throw error;
    }
  }

  /** A session on a connection whose transaction the caller opened and will commit. */
  session(client: ClientBase): EventStoreSession {
    return {
      client,
      append: async (streamId, events, options = {}) => {
        const [result] = await this.appendWith(client, [{ streamId, events, expectedVersion: options.expectedVersion }], options.now);
        return result;
      },
      appendMany: (requests, options = {}) => this.appendWith(client, requests, options.now),
      readStream: (streamId, options) => readStream(client, streamId, options?.fromVersion),
    };
  }

  readStream(streamId: string, options: { readonly fromVersion?: number } = {}): Promise<EventEnvelope[]> {
    return readStream(this.pool, streamId, options.fromVersion);
  }

  /**
   * Events of all streams in commit order, after `after`. Only rows of transactions older than every running
   * one are returned: those can no longer be overtaken by a commit that sorts before them.
   */
  async readAll(options: { readonly after?: AllStreamCursor; readonly limit?: number } = {}): Promise<ReadAllBatch> {
    const after = options.after ?? beginningOfAll;
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${eventColumns} FROM es_events
        WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
          AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY transaction_id, global_position
        LIMIT $3`,
      [after.transactionId, after.globalPosition, options.limit ?? 500],
    );
    if (rows.length === 0) return { events: [], next: after };
    const last = rows[rows.length - 1];
    return { events: rows.map(toEnvelope), next: { transactionId: last.transaction_id, globalPosition: last.global_position } };
  }

  /** Recomputes the stream's hash chain; names the first event that was edited, or the first missing version. */
  async verifyStream(streamId: string): Promise<StreamVerification> {
    // The head first: events appended after it are then read too and cannot look like a truncation.
    const head = await this.pool.query<{ version: number }>('SELECT version FROM es_streams WHERE stream_id = $1', [streamId]);
    const events = await this.readStream(streamId);
    return verifyChain(events, head.rows[0]?.version ?? 0);
  }

  private async appendInOwnTransaction(requests: readonly AppendRequest[], now?: Date): Promise<AppendResult[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.withTransaction((session) => session.appendMany(requests, { now }));
      } catch (error) {
        if (!(error instanceof ConcurrentAppendError) || attempt >= MAX_APPEND_ATTEMPTS) throw error;
      }
    }
  }

  private async appendWith(client: ClientBase, requests: readonly AppendRequest[], now = this.clock()): Promise<AppendResult[]> {
    const identified = identifyRequests(requests, now);
    const eventIds = identified.requests.flatMap((request) => request.events.map((event) => event.eventId));
    const streamIds = [...new Set(identified.requests.map((request) => request.streamId))];

    const prepared = await lockStreams(client, streamIds, identified.callerEventIds, eventIds.length);
    if (prepared.storedEventCount > 0) return repeatedAppend(client, identified.requests, identified.callerEventIds, eventIds.length);

    const plan = planAppend(identified.requests, prepared.heads, {
      positions: prepared.positions,
      transactionId: prepared.transactionId,
      now,
    });
    try {
      await client.query(WRITE_SQL, writeParameters(plan, now));
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new ConcurrentAppendError(streamIds, 'concurrent-write');
      throw error;
    }
    return [...plan.results];
  }
}

interface PreparedAppend {
  readonly transactionId: bigint;
  readonly positions: readonly string[];
  readonly heads: ReadonlyMap<string, StreamHead>;
  readonly storedEventCount: number;
}

/**
 * One round trip: locks the existing streams in sorted order (no deadlocks between bulk appends), draws the
 * global positions, and counts the caller's event ids that are already stored (a repeated append).
 */
async function lockStreams(
  client: ClientBase,
  streamIds: readonly string[],
  callerEventIds: readonly string[],
  eventCount: number,
): Promise<PreparedAppend> {
  const { rows } = await client.query<{
    transaction_id: string;
    positions: string[];
    heads: { streamId: string; version: number; lastHash: string; lastTransactionId: string }[];
    stored_event_count: number;
  }>(
    `WITH heads AS (
       SELECT stream_id, version, last_hash, last_transaction_id FROM es_streams
        WHERE stream_id = ANY($1::text[]) ORDER BY stream_id FOR UPDATE
     )
     SELECT pg_current_xact_id()::text AS transaction_id,
            ARRAY(SELECT nextval('es_events_global_position_seq') FROM generate_series(1, $3::int))::text[] AS positions,
            COALESCE((SELECT json_agg(json_build_object('streamId', stream_id, 'version', version, 'lastHash', last_hash,
                                                        'lastTransactionId', last_transaction_id::text)) FROM heads), '[]') AS heads,
            (SELECT count(*) FROM es_events WHERE event_id = ANY($2::uuid[]))::int AS stored_event_count`,
    [streamIds, callerEventIds, eventCount],
  );
  const [row] = rows;
  return {
    transactionId: BigInt(row.transaction_id),
    positions: row.positions,
    heads: new Map(
      row.heads.map((head) => [head.streamId, { version: head.version, lastHash: head.lastHash, lastTransactionId: BigInt(head.lastTransactionId) }]),
    ),
    storedEventCount: row.stored_event_count,
  };
}

/** The same event ids again: a no-op that answers what the first append answered, if it really is the same append. */
async function repeatedAppend(
  client: ClientBase,
  requests: readonly IdentifiedRequest[],
  callerEventIds: readonly string[],
  eventCount: number,
): Promise<AppendResult[]> {
  const { rows } = await client.query<EventRow>(`SELECT ${eventColumns} FROM es_events WHERE event_id = ANY($1::uuid[]) ORDER BY global_position`, [
    callerEventIds,
  ]);
  const stored = rows.map(toEnvelope);
  const streamOf = new Map(requests.flatMap((request) => request.events.map((event) => [event.eventId, request.streamId])));
  const sameAppend = stored.length === eventCount && stored.every((event) => streamOf.get(event.eventId) === event.streamId);
  if (!sameAppend) throw new EventIdReuseError(stored.map((event) => event.eventId));
  return replayedResults(requests, stored);
}

/** One round trip: new and advanced stream heads, every event (multi-row INSERT over arrays), and the notification. */
const WRITE_SQL = `
WITH stream_writes AS (
  SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::bool[]) AS w(stream_id, version, last_hash, is_new)
), created_streams AS (
  INSERT INTO es_streams (stream_id, version, last_hash, last_transaction_id, updated_at)
  SELECT stream_id, version, last_hash, pg_current_xact_id(), $5::timestamptz FROM stream_writes WHERE is_new
), advanced_streams AS (
  UPDATE es_streams AS s
     SET version = w.version, last_hash = w.last_hash, last_transaction_id = pg_current_xact_id(), updated_at = $5::timestamptz
    FROM stream_writes AS w
   WHERE NOT w.is_new AND s.stream_id = w.stream_id
), appended_events AS (
  INSERT INTO es_events (global_position, event_id, stream_id, stream_version, type, schema_version, subject_id, regency_code,
                         occurred_at, recorded_at, actor, correlation_id, causation_id, data, previous_hash, hash)
  SELECT position, event_id, stream_id, stream_version, type, schema_version, subject_id, regency_code,
         occurred_at, $5::timestamptz, actor, correlation_id, causation_id, data, previous_hash, hash
    FROM unnest($6::bigint[], $7::uuid[], $8::text[], $9::int[], $10::text[], $11::int[], $12::text[], $13::text[],
                $14::timestamptz[], $15::jsonb[], $16::text[], $17::text[], $18::jsonb[], $19::text[], $20::text[])
      AS e(position, event_id, stream_id, stream_version, type, schema_version, subject_id, regency_code,
           occurred_at, actor, correlation_id, causation_id, data, previous_hash, hash)
)
SELECT pg_notify('${EVENTS_APPENDED_CHANNEL}', '')`;

function writeParameters(plan: ReturnType<typeof planAppend>, now: Date): unknown[] {
  const { envelopes, streamWrites } = plan;
  return [
    streamWrites.map((write) => write.streamId),
    streamWrites.map((write) => write.version),
    streamWrites.map((write) => write.lastHash),
    streamWrites.map((write) => write.isNew),
    now.toISOString(),
    envelopes.map((event) => event.globalPosition),
    envelopes.map((event) => event.eventId),
    envelopes.map((event) => event.streamId),
    envelopes.map((event) => event.streamVersion),
    envelopes.map((event) => event.type),
    envelopes.map((event) => event.schemaVersion),
    envelopes.map((event) => event.subjectId),
    envelopes.map((event) => event.regencyCode),
    envelopes.map((event) => event.occurredAt),
    envelopes.map((event) => canonicalJson(event.actor)),
    envelopes.map((event) => event.correlationId),
    envelopes.map((event) => event.causationId),
    envelopes.map((event) => canonicalJson(event.data)),
    envelopes.map((event) => event.previousHash),
    envelopes.map((event) => event.hash),
  ];
}

function readStream(client: Pick<ClientBase, 'query'>, streamId: string, fromVersion = 1): Promise<EventEnvelope[]> {
  return client
    .query<EventRow>(`SELECT ${eventColumns} FROM es_events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`, [
      streamId,
      fromVersion,
    ])
    .then(({ rows }) => rows.map(toEnvelope));
}
