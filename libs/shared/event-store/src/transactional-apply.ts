import { SpanKind } from '@opentelemetry/api';
import type { Pool } from 'pg';
import type { EventEnvelope } from '@registry/contracts';
import { storeOffset, type MessagePosition, type OffsetsCluster } from './consumer-offsets';
import type { Arrival } from './envelope-parsing';
import { startEventSpans, type TracedEvent } from './event-spans';
import { inTransaction } from './in-transaction';
import type { Projection } from './projection';
import { appliedByRebuild } from './rebuild-watermarks';
import type { Upcasters } from './upcasters';

/** What applying one message came to: a failure of the projection, to retry or dead-letter. */
export type Outcome =
  { readonly kind: 'applied' } | { readonly kind: 'duplicate' } | { readonly kind: 'failed'; readonly error: unknown };

/**
 * The consumer's writes, each in one transaction that claims (consumer, event id) in es_processed_events, applies
 * what it claimed and stores the offsets, so a redelivery after a crash changes nothing. Events a rebuild of the
 * projection applied already are below its watermark (rebuild-watermarks.ts) and skipped like duplicates. A failure
 * of the projection rolls back and is answered; a failure of the database itself is thrown, so Kafka redelivers
 * later instead of the events being dead-lettered during an outage.
 */
export class TransactionalApply {
  private readonly consumerName: string;

  constructor(
    private readonly pool: Pool,
    private readonly projection: Projection,
    private readonly upcasters: Upcasters,
    private readonly cluster: OffsetsCluster,
  ) {
    this.consumerName = projection.name;
  }

  /**
   * The chunk's events in one transaction, through the projection's applyBatch when it has one, else apply() on each,
   * and the offsets `lasts`; the number applied (the rest were duplicates, or applied by a rebuild), or null if the
   * projection failed.
   */
  applyChunk(arrivals: readonly Arrival[], lasts: readonly MessagePosition[]): Promise<number | null> {
    return this.traced(
      arrivals.map(({ event, traceparent }) => ({ ...event, traceparent })),
      (applied) => applied === null,
      () => this.applyChunkIn(arrivals, lasts),
    );
  }

  private applyChunkIn(arrivals: readonly Arrival[], lasts: readonly MessagePosition[]): Promise<number | null> {
    return inTransaction(
      this.pool,
      async (client) => {
        const rebuilt = await appliedByRebuild(client, this.consumerName);
        const events = arrivals.filter((arrival) => !rebuilt(arrival)).map((arrival) => arrival.event);
        const claimed =
          events.length === 0
            ? { rows: [] }
            : await client.query<{ event_id: string }>(
                `INSERT INTO es_processed_events (consumer_name, event_id) SELECT $1, id FROM unnest($2::uuid[]) AS id
                 ON CONFLICT DO NOTHING RETURNING event_id`,
                [this.consumerName, [...new Set(events.map((event) => event.eventId))]],
              );
        const claimedIds = new Set(claimed.rows.map((row) => row.event_id));
        // Each claimed id once: a message repeated within the chunk is a duplicate like any redelivery. PostgreSQL
        // answers uuids in lower case.
        const fresh = events.filter((event) => claimedIds.delete(event.eventId.toLowerCase()));
        try {
          // Upcasting can fail too: inside the try, so the replay isolates (and dead-letters) that event.
          const upcast = fresh.map((event) => this.asApplied(event));
          if (this.projection.applyBatch) {
            if (upcast.length > 0) await this.projection.applyBatch(upcast, client);
          } else {
            for (const event of upcast) await this.projection.apply(event, client);
          }
        } catch (error) {
          if (isConnectionFailure(error)) throw error;
          return null;
        }
        for (const last of lasts) await storeOffset(client, this.consumerName, last, this.cluster.id);
        return fresh.length;
      },
      { rollBackIf: (applied) => applied === null },
    );
  }

  /** One message in one transaction: claim (consumer, event id), apply, store the offset. */
  applyOne(arrival: Arrival, position: MessagePosition): Promise<Outcome> {
    return this.traced(
      [{ ...arrival.event, traceparent: arrival.traceparent }],
      (outcome) => outcome.kind === 'failed',
      () => this.applyOneIn(arrival, position),
    );
  }

  private applyOneIn(arrival: Arrival, position: MessagePosition): Promise<Outcome> {
    const { event } = arrival;
    return inTransaction<Outcome>(
      this.pool,
      async (client) => {
        const rebuilt = (await appliedByRebuild(client, this.consumerName))(arrival);
        const claimed = rebuilt
          ? null
          : await client.query(
              'INSERT INTO es_processed_events (consumer_name, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
              [this.consumerName, event.eventId],
            );
        const fresh = claimed?.rowCount === 1;
        if (fresh) {
          try {
            await this.projection.apply(this.asApplied(event), client);
          } catch (error) {
            if (isConnectionFailure(error)) throw error;
            return { kind: 'failed', error };
          }
        }
        await storeOffset(client, this.consumerName, position, this.cluster.id);
        return fresh ? { kind: 'applied' } : { kind: 'duplicate' };
      },
      { rollBackIf: (outcome) => outcome.kind === 'failed' },
    );
  }

  /** An apply span per event, in the trace of the request that caused it, around the transaction. */
  private async traced<T>(events: readonly TracedEvent[], failed: (result: T) => boolean, work: () => Promise<T>) {
    const spans = startEventSpans(`apply ${this.consumerName}`, SpanKind.CONSUMER, events, {
      'messaging.system': 'kafka',
      'messaging.consumer.group.name': this.consumerName,
    });
    try {
      const result = await work();
      spans.end(failed(result) ? new Error('the projection refused the event') : undefined);
      return result;
    } catch (error) {
      spans.end(error);
      throw error;
    }
  }

  /** Stores the offset of messages the projection does not need, after those it applied. */
  async passBy(position: MessagePosition): Promise<void> {
    const client = await this.pool.connect();
    try {
      await storeOffset(client, this.consumerName, position, this.cluster.id);
      client.release();
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }

  /** The event as the projection takes it: upcast, unless its rebuild copies stored rows (see copiedOnRebuild). */
  private asApplied(event: EventEnvelope): EventEnvelope {
    return this.projection.copiedOnRebuild ? event : this.upcasters.upcast(event);
  }
}

/** Lost or refused connections (Node socket errors, SQLSTATE classes 08 and 57P). */
function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    (/^(08|57P)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code))
  )
    return true;
  return error instanceof Error && /Connection terminated/i.test(error.message);
}
