import { escapeIdentifier, type Pool, type PoolClient } from 'pg';
import { beginningOfAll, type AllStreamCursor, type AllStreamReader, type ReadAllBatch } from './event-store';
import type { Projection } from './projection';
import { Upcasters } from './upcasters';

export interface RebuildProjectionOptions {
  /** The projection's database. */
  readonly pool: Pool;
  readonly projection: Projection;
  /** The event stores behind every topic the projection consumes (e.g. EventStore instances on their databases). */
  readonly sources: readonly AllStreamReader[];
  readonly upcasters?: Upcasters;
  readonly batchSize?: number;
  /**
   * False skips the projection's finishRebuild, for a run that rebuilds next a projection doing the same work again
   * (reporting's children and measurements both build the prevalence aggregate). Default true.
   */
  readonly finish?: boolean;
}

/**
 * Rebuilds a projection from the event stores themselves rather than from Kafka: the stores are the source of
 * truth and hold every event, whatever the topics' retention, and no consumer-group offsets need resetting.
 *
 * In one transaction: truncate the projection's tables, start it (startRebuild), re-apply every event of every
 * source in commit order (in batches when the projection has applyRebuildBatch), record each as processed unless it
 * was already, create the indexes it deferred (indexesDeferredOnRebuild), and let the projection finish
 * (finishRebuild). The events it had processed before stay recorded as processed: each came from these stores and is
 * applied again (deleting and inserting the same rows wrote twice as much, and left as many dead rows each time).
 * Readers of its tables wait for the commit (the truncation locks them) and never see a half-built projection. The
 * Kafka consumer keeps its offsets: messages it has not consumed yet are skipped on arrival when the rebuild already
 * applied them. Stop the projection's consumer while rebuilding. A failing event aborts the rebuild and leaves the
 * projection as it was.
 */
export async function rebuildProjection(options: RebuildProjectionOptions): Promise<{ readonly applied: number }> {
  const { projection } = options;
  const upcasters = options.upcasters ?? new Upcasters();
  const client = await options.pool.connect();
  try {
    await client.query('BEGIN');
    if (projection.tables.length > 0) await client.query(`TRUNCATE ${projection.tables.map(quoteTable).join(', ')}`);
    const deferred = await dropIndexes(client, projection.indexesDeferredOnRebuild ?? []);
    await projection.startRebuild?.(client);
    let applied = 0;
    const limit = options.batchSize ?? 500;
    for (const source of options.sources) {
      // The next batch is read while this one is applied: the source's database and this one work at once.
      let next = readAhead(source, beginningOfAll, limit);
      for (;;) {
        const batch = await next;
        if (batch.events.length === 0) break;
        next = readAhead(source, batch.next, limit);
        if (projection.applyRebuildBatch) {
          await projection.applyRebuildBatch(
            batch.events.map((event) => upcasters.upcast(event)),
            client,
          );
        } else {
          for (const event of batch.events) await projection.apply(upcasters.upcast(event), client);
        }
        // Only the events not recorded yet: over the projection's own records a lookup each, where ON CONFLICT DO
        // NOTHING cost several times more. Nothing else writes these rows meanwhile (the consumer is stopped; were
        // it not, a clash fails the rebuild, which then changes nothing).
        await client.query(
          `INSERT INTO es_processed_events (consumer_name, event_id)
           SELECT $1, id FROM unnest($2::uuid[]) AS id
            WHERE NOT EXISTS (SELECT FROM es_processed_events p WHERE p.consumer_name = $1 AND p.event_id = id)`,
          [projection.name, batch.events.map((event) => event.eventId)],
        );
        applied += batch.events.length;
      }
    }
    // Each deferred index is one sort of its table: in memory where it fits.
    if (deferred.length > 0) await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
    for (const definition of deferred) await client.query(definition);
    if (options.finish !== false) await projection.finishRebuild?.(client);
    await client.query('COMMIT');
    client.release();
    return { applied };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error as Error);
    throw error;
  }
}

/** A read started now and awaited later; should the rebuild fail meanwhile, its outcome is not left unhandled. */
function readAhead(source: AllStreamReader, after: AllStreamCursor, limit: number): Promise<ReadAllBatch> {
  const read = source.readAll({ after, limit });
  read.catch(() => undefined);
  return read;
}

/** Drops the named indexes and returns the statements that create them again. */
async function dropIndexes(client: PoolClient, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition FROM pg_class i
      WHERE i.relkind = 'i' AND i.relname = ANY($1::text[]) AND pg_table_is_visible(i.oid)`,
    [names],
  );
  const missing = names.filter((name) => !rows.some((row) => row.name === name));
  if (missing.length > 0) throw new Error(`rebuild: no index named ${missing.join(', ')} to defer`);
  for (const { name } of rows) await client.query(`DROP INDEX ${escapeIdentifier(name)}`);
  return rows.map((row) => row.definition);
}

const quoteTable = (name: string): string => name.split('.').map(escapeIdentifier).join('.');
