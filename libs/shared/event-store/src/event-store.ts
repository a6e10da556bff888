// One file over 300 lines: append, read and copy share one discipline (stream locks in es_append's order, the NOTIFY
// throttle, own-transaction retries, the session a caller's transaction lends); apart, each would restate it.
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase, Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { EventEnvelope } from '@registry/contracts';
import {
  appendParameters,
  appendedResults,
  identifyRequests,
  replayedResults,
  type AppendRequest,
  type AppendResult,
  type IdentifiedRequest,
} from './append-plan';
import { ConcurrentAppendError, EventIdReuseError, ExpectedVersionConflictError, type ExpectedVersion } from './errors';
import {
  envelopeJsonColumns,
  eventColumns,
  partialEnvelopeReader,
  toEnvelope,
  type EnvelopeField,
  toEnvelopeJson,
  type EnvelopeJson,
  type EventRow,
} from './event-rows';
import { verifyChain, type StreamVerification } from './hash-chain';
import { lockStreamsSql } from './schema';

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

export interface ReadAllOptions {
  readonly after?: AllStreamCursor;
  readonly limit?: number;
  /**
   * Only events of transactions below this id (a `finishedBefore` answer): a replay up to a fixed point, which a
   * consumer can tell apart by the transaction id the relay sends with each message.
   */
  readonly before?: string;
  /**
   * Only these fields of each envelope (besides type, schemaVersion, data and globalPosition): the envelopes have no
   * others. For rebuilds of projections that name what they use (Projection.rebuildReads).
   */
  readonly fields?: readonly EnvelopeField[];
}

/**
 * Rows computed from stored events by the database that stores them, one per event that `where` admits: SQL over
 * `e`, a row of es_events (its columns; PUBLISHED_ENVELOPE_SQL is the envelope's JSON text).
 */
export interface EventRowsQuery {
  /** The select list: each expression of exactly the type of the column it is copied into (binary COPY). */
  readonly select: string;
  /** Joins after `e`, e.g. `CROSS JOIN LATERAL (SELECT …) x`. */
  readonly join?: string;
  readonly where?: string;
}

/** Anything that can replay all events in commit order: an EventStore, or a reader over another service's store. */
export interface AllStreamReader {
  readAll(options?: ReadAllOptions): Promise<ReadAllBatch>;
  /**
   * A transaction id every transaction below which has finished, and no transaction at or above which has: readAll
   * with `before` set to it returns exactly the events committed below it, whenever it is asked.
   */
  finishedBefore(): Promise<string>;
  /**
   * Optional: streams `rows` of every event of the transactions below `before` into `into`, as COPY's binary format,
   * in no particular order; answers the highest position among those events ('0' for none).
   */
  copyEventRows?(rows: EventRowsQuery, before: string, into: Writable): Promise<string>;
  /** Optional: how many events the transactions below `before` committed, for a rebuild's progress. */
  countBefore?(before: string): Promise<number>;
}

export interface AppendOptions {
  readonly expectedVersion?: ExpectedVersion;
  /** recordedAt of the events, and the clock of generated UUIDv7 ids. Defaults to the store's clock. */
  readonly now?: Date;
}

/**
 * Appends inside a transaction the caller owns, next to the caller's own writes. Append before writing your own
 * state: a transaction that already holds a transaction id when it appends can meet a ConcurrentAppendError
 * ('transaction-order') under contention on the same stream.
 */
export interface EventStoreSession {
  readonly client: ClientBase;
  append(streamId: string, events: AppendRequest['events'], options?: AppendOptions): Promise<AppendResult>;
  /**
   * Appends to many streams at once, any number of them; the streams are locked in a fixed order, so concurrent calls
   * cannot deadlock. Two calls in one transaction lock one after the other: make it one call when other transactions
   * may append to the same streams.
   */
  appendMany(requests: readonly AppendRequest[], options?: { readonly now?: Date }): Promise<AppendResult[]>;
  readStream(streamId: string, options?: { readonly fromVersion?: number }): Promise<EventEnvelope[]>;
}

export interface EventStoreOptions {
  readonly clock?: () => Date;
}

const UNIQUE_VIOLATION = '23505';
/** Appends outside a caller's transaction retry races they can resolve by themselves (see ConcurrentAppendError). */
const MAX_APPEND_ATTEMPTS = 5;
/** At most one relay wake-up per this interval per store (see schema.ts on the cost of NOTIFY). */
const NOTIFY_INTERVAL_MS = 20;
/**
 * es_append is fastest with a few hundred requests a statement: larger appends are cut into slices of this many,
 * after every stream of the append is locked in one statement, in es_append's key order. Slices that locked their
 * own streams one after the other could each hold a lock another transaction's next slice waits for.
 */
const APPEND_SLICE = 500;

/** The event store of one service's database. Appends are atomic per call and hash-chained per stream. */
export class EventStore implements AllStreamReader {
  private readonly clock: () => Date;
  private lastNotifiedAt = -Infinity;
  private readonly partialReaders = new Map<
    string,
    { readonly name: string } & ReturnType<typeof partialEnvelopeReader>
  >();

  constructor(
    readonly pool: Pool,
    options: EventStoreOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  append(streamId: string, events: AppendRequest['events'], options: AppendOptions = {}): Promise<AppendResult> {
    return this.appendInOwnTransaction(
      [{ streamId, events, expectedVersion: options.expectedVersion }],
      options.now,
    ).then(([result]) => result);
  }

  /** Bulk intake: every stream of the batch in one transaction, all or nothing. */
  appendMany(requests: readonly AppendRequest[], options: { readonly now?: Date } = {}): Promise<AppendResult[]> {
    // Nothing to append is nothing appended: a batch whose every item was refused writes no event.
    if (requests.length === 0) return Promise.resolve([]);
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
        const [result] = await this.appendWith(
          client,
          [{ streamId, events, expectedVersion: options.expectedVersion }],
          options.now,
        );
        return result;
      },
      appendMany: async (requests, options = {}) =>
        requests.length === 0 ? [] : this.appendWith(client, requests, options.now),
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
  readAll(options: ReadAllOptions = {}): Promise<ReadAllBatch> {
    if (!options.fields) return this.readInCommitOrder('es_read_all', eventColumns, toEnvelope, options);
    const key = options.fields.join(',');
    let reader = this.partialReaders.get(key);
    if (!reader) {
      // Prepared statements need a name of their own per column list (and names are cut at 63 bytes).
      reader = { name: `es_read_some_${this.partialReaders.size}`, ...partialEnvelopeReader(options.fields) };
      this.partialReaders.set(key, reader);
    }
    return this.readInCommitOrder(reader.name, reader.columns, reader.toEvent, options);
  }

  /** readAll with each event as its envelope's JSON text, composed from the stored text: what the relay publishes. */
  readAllAsJson(
    options: ReadAllOptions = {},
  ): Promise<{ readonly events: readonly EnvelopeJson[]; readonly next: AllStreamCursor }> {
    return this.readInCommitOrder('es_read_all_json', envelopeJsonColumns, toEnvelopeJson, options);
  }

  async copyEventRows(rows: EventRowsQuery, before: string, into: Writable): Promise<string> {
    // COPY takes no parameters: the id is written into the statement, so it must be one.
    if (!/^\d{1,20}$/.test(before)) throw new Error(`copyEventRows: not a transaction id: ${before}`);
    const client = await this.pool.connect();
    try {
      const { rows: highest } = await client.query<{ position: string }>(
        `SELECT global_position::text AS position FROM es_events WHERE transaction_id < $1::xid8
          ORDER BY global_position DESC LIMIT 1`,
        [before],
      );
      await pipeline(
        client.query(
          copyTo(
            `COPY (SELECT ${rows.select} FROM es_events e ${rows.join ?? ''}
                    WHERE e.transaction_id < '${before}'::xid8 ${rows.where ? `AND (${rows.where})` : ''})
             TO STDOUT (FORMAT binary)`,
          ),
        ),
        into,
      );
      client.release();
      return highest[0]?.position ?? '0';
    } catch (error) {
      // A COPY broken off leaves the connection mid-protocol: it is closed, not reused.
      client.release(error as Error);
      throw error;
    }
  }

  async countBefore(before: string): Promise<number> {
    const { rows } = await this.pool.query<{ count: string }>(
      'SELECT count(*) AS count FROM es_events WHERE transaction_id < $1::xid8',
      [before],
    );
    return Number(rows[0].count);
  }

  async finishedBefore(): Promise<string> {
    const { rows } = await this.pool.query<{ xmin: string }>(
      'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin',
    );
    return rows[0].xmin;
  }

  /**
   * Prepared once per connection (`statementName`): the relays read after every append, and parsing and planning
   * this statement each time cost the database more than running it.
   */
  private async readInCommitOrder<Row extends { transaction_id: string; global_position: string }, Event>(
    statementName: string,
    columns: string,
    toEvent: (row: Row) => Event,
    options: ReadAllOptions,
  ): Promise<{ readonly events: Event[]; readonly next: AllStreamCursor }> {
    const after = options.after ?? beginningOfAll;
    const { rows } = await this.pool.query<Row>({
      name: statementName,
      text: `SELECT ${columns} FROM es_events
        WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
          AND transaction_id < LEAST(pg_snapshot_xmin(pg_current_snapshot()), $4::xid8)
        ORDER BY es_events.transaction_id, es_events.global_position
        LIMIT $3`,
      values: [after.transactionId, after.globalPosition, options.limit ?? 500, options.before ?? null],
    });
    if (rows.length === 0) return { events: [], next: after };
    const last = rows[rows.length - 1];
    return {
      events: rows.map(toEvent),
      next: { transactionId: last.transaction_id, globalPosition: last.global_position },
    };
  }

  /** Recomputes the stream's hash chain; names the first event that was edited, or the first missing version. */
  async verifyStream(streamId: string): Promise<StreamVerification> {
    // The head first: events appended after it are then read too and cannot look like a truncation.
    const head = await this.pool.query<{ version: number }>('SELECT version FROM es_streams WHERE stream_id = $1', [
      streamId,
    ]);
    const events = await this.readStream(streamId);
    return verifyChain(events, head.rows[0]?.version ?? 0);
  }

  /** One statement in autocommit (es_append is a transaction by itself), or one transaction for a sliced append. */
  private async appendInOwnTransaction(requests: readonly AppendRequest[], now?: Date): Promise<AppendResult[]> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (requests.length > APPEND_SLICE)
          return await this.withTransaction((session) => session.appendMany(requests, { now }));
        return await this.appendWith(this.pool, requests, now);
      } catch (error) {
        if (!(error instanceof ConcurrentAppendError) || attempt >= MAX_APPEND_ATTEMPTS) throw error;
      }
    }
  }

  private async appendWith(
    client: Queryable,
    requests: readonly AppendRequest[],
    now = this.clock(),
  ): Promise<AppendResult[]> {
    const all = identifyRequests(requests, now);
    if (all.requests.length <= APPEND_SLICE) return this.appendSlice(client, all, now);
    // The streams es_append locks: not those it creates (see schema.ts).
    const locked = all.requests.filter((r) => r.expectedVersion !== 'no_stream').map((r) => r.streamId);
    if (locked.length > 0) await client.query({ name: 'es_lock_streams', text: lockStreamsSql, values: [locked] });
    const callerIds = new Set(all.callerEventIds);
    const results: AppendResult[] = [];
    for (let i = 0; i < all.requests.length; i += APPEND_SLICE) {
      const slice = all.requests.slice(i, i + APPEND_SLICE);
      const sliceCallerIds = slice.flatMap((r) => r.events.map((e) => e.eventId)).filter((id) => callerIds.has(id));
      results.push(...(await this.appendSlice(client, { requests: slice, callerEventIds: sliceCallerIds }, now)));
    }
    return results;
  }

  private async appendSlice(
    client: Queryable,
    identified: { readonly requests: IdentifiedRequest[]; readonly callerEventIds: string[] },
    now: Date,
  ): Promise<AppendResult[]> {
    const notify = performance.now() - this.lastNotifiedAt >= NOTIFY_INTERVAL_MS;
    let outcome: AppendOutcome;
    try {
      const { rows } = await client.query<AppendOutcome>({
        name: 'es_append',
        text: 'SELECT * FROM es_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)',
        values: [...appendParameters(identified.requests, identified.callerEventIds, now), notify],
      });
      outcome = rows[0];
    } catch (error) {
      // es_append's locks serialise appends, but a caller's REPEATABLE READ snapshot does not see what committed
      // while it waited for them; a retry in a new transaction does.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION)
        throw new ConcurrentAppendError(streamIdsOf(identified.requests), 'concurrent-write');
      throw error;
    }
    switch (outcome.outcome) {
      case 'appended':
        if (notify) this.lastNotifiedAt = performance.now();
        return appendedResults(identified.requests, {
          positions: outcome.positions,
          versions: outcome.versions,
          previousHashes: outcome.previous_hashes,
          hashes: outcome.hashes,
        });
      case 'repeated':
        return repeatedAppend(client, identified.requests, identified.callerEventIds);
      case 'version-conflict': {
        const request = identified.requests[outcome.failed_request - 1];
        throw new ExpectedVersionConflictError(request.streamId, request.expectedVersion, outcome.actual_version);
      }
      case 'transaction-order':
        throw new ConcurrentAppendError([outcome.failed_stream], 'transaction-order');
    }
  }
}

type Queryable = Pick<ClientBase, 'query'>;

type AppendOutcome =
  | {
      outcome: 'appended';
      positions: string[];
      versions: number[];
      previous_hashes: (string | null)[];
      hashes: string[];
    }
  | { outcome: 'repeated' }
  | { outcome: 'version-conflict'; failed_request: number; actual_version: number }
  | { outcome: 'transaction-order'; failed_stream: string };

const streamIdsOf = (requests: readonly IdentifiedRequest[]): string[] => [
  ...new Set(requests.map((request) => request.streamId)),
];

/** The same event ids again: a no-op that answers what the first append answered, if it really is the same append. */
async function repeatedAppend(
  client: Queryable,
  requests: readonly IdentifiedRequest[],
  callerEventIds: readonly string[],
): Promise<AppendResult[]> {
  const { rows } = await client.query<EventRow>(
    `SELECT ${eventColumns} FROM es_events WHERE event_id = ANY($1::uuid[]) ORDER BY es_events.global_position`,
    [callerEventIds],
  );
  const stored = rows.map(toEnvelope);
  const streamOf = new Map(
    requests.flatMap((request) => request.events.map((event) => [event.eventId, request.streamId])),
  );
  const eventCount = requests.reduce((sum, request) => sum + request.events.length, 0);
  const sameAppend =
    stored.length === eventCount && stored.every((event) => streamOf.get(event.eventId) === event.streamId);
  if (!sameAppend) throw new EventIdReuseError(stored.map((event) => event.eventId));
  return replayedResults(requests, stored);
}

function readStream(client: Queryable, streamId: string, fromVersion = 1): Promise<EventEnvelope[]> {
  return client
    .query<EventRow>(
      `SELECT ${eventColumns} FROM es_events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
      [streamId, fromVersion],
    )
    .then(({ rows }) => rows.map(toEnvelope));
}
