import { escapeIdentifier, type Pool, type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { beginningOfAll, type AllStreamReader, type ReadAllBatch, type ReadAllOptions } from './event-store';
import type { CopiedRows, Projection } from './projection';
import { RebuildProgress } from './rebuild-progress';
import { lockForRebuild, recordWatermarks, type RebuildWatermark } from './rebuild-watermarks';
import { Upcasters } from './upcasters';

/** An event store a projection consumes, and the topic its relay publishes it to. */
export interface ProjectionSource {
  readonly topic: string;
  readonly store: AllStreamReader;
}

export interface RebuildProjectionOptions {
  /** The projection's database. */
  readonly pool: Pool;
  readonly projection: Projection;
  /** The event stores behind every topic the projection consumes (e.g. EventStore instances on their databases). */
  readonly sources: readonly ProjectionSource[];
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
 * In one transaction: truncate the projection's tables, start it (startRebuild), re-apply every event each source
 * had committed when the rebuild began, in commit order (in batches when the projection has applyRebuildBatch; a
 * projection with copiedOnRebuild instead gets the rows each source computes, copied in), end the batches
 * (endRebuildBatches), create the indexes it deferred (indexesDeferredOnRebuild) while it finishes (finishRebuild),
 * and record per topic how far it read (es_rebuild_watermarks). Readers of its tables wait for the commit (the truncation locks
 * them) and never see a half-built projection. The Kafka consumer keeps its offsets: the messages it has not consumed
 * yet that the rebuild applied are below the watermark, and skipped on arrival; a consumer still running waits for
 * the rebuild to commit. One watermark per topic instead of a claim per event: claiming every event it applied was a
 * fifth of a rebuild. A failing event aborts the rebuild and leaves the projection as it was.
 */
export async function rebuildProjection(options: RebuildProjectionOptions): Promise<{ readonly applied: number }> {
  const { projection } = options;
  const upcasters = options.upcasters ?? new Upcasters();
  const client = await options.pool.connect();
  let progress: RebuildProgress | undefined;
  try {
    await client.query('BEGIN');
    await lockForRebuild(client, projection.name);
    if (projection.tables.length > 0) await client.query(`TRUNCATE ${projection.tables.map(quoteTable).join(', ')}`);
    const deferred = await dropIndexes(client, projection.indexesDeferredOnRebuild ?? []);
    await projection.startRebuild?.(client);
    let applied = 0;
    // Events read from the sources, for the progress: a copied projection's rows can be fewer than its events.
    let handled = 0;
    const limit = options.batchSize ?? 500;
    const watermarks: RebuildWatermark[] = [];
    // Up to a fixed point: what commits meanwhile is above the watermark, for the consumer to apply.
    const fixedPoints = await Promise.all(options.sources.map(({ store }) => store.finishedBefore()));
    const sourceEvents = await Promise.all(
      options.sources.map(({ store }, i) => store.countBefore?.(fixedPoints[i]) ?? Promise.resolve(0)),
    );
    progress = await RebuildProgress.start(
      options.pool,
      projection.name,
      sourceEvents.reduce((sum, n) => sum + n, 0),
    );
    for (const [i, { topic, store }] of options.sources.entries()) {
      const before = fixedPoints[i];
      if (projection.copiedOnRebuild) {
        const { rows, highest } = await copyFromSource(client, projection.copiedOnRebuild, store, before);
        applied += rows;
        handled += sourceEvents[i];
        await progress.advance(handled);
        watermarks.push({ topic, transactionId: before, globalPosition: highest });
        continue;
      }
      let highest = '0';
      // The next batch is read while this one is applied: the source's database and this one work at once.
      let next = readAhead(store, { after: beginningOfAll, limit, before, fields: projection.rebuildReads });
      for (;;) {
        const batch = await next;
        if (batch.events.length === 0) break;
        next = readAhead(store, { after: batch.next, limit, before, fields: projection.rebuildReads });
        for (const event of batch.events)
          if (laterPosition(event.globalPosition, highest)) highest = event.globalPosition;
        if (projection.applyRebuildBatch) {
          await projection.applyRebuildBatch(
            batch.events.map((event) => upcasters.upcast(event)),
            client,
          );
        } else {
          for (const event of batch.events) await projection.apply(upcasters.upcast(event), client);
        }
        applied += batch.events.length;
        handled += batch.events.length;
        await progress.advance(handled);
      }
      watermarks.push({ topic, transactionId: before, globalPosition: highest });
    }
    await projection.endRebuildBatches?.(client);
    // The deferred indexes are sent now and not awaited: finishRebuild's statements queue behind them on the
    // connection, and its computing runs meanwhile. Each is one sort of its table, in memory where it fits.
    const indexing =
      deferred.length > 0
        ? client.query([`SET LOCAL maintenance_work_mem = '1GB'`, ...deferred].join(';\n'))
        : Promise.resolve();
    indexing.catch(() => undefined);
    if (options.finish !== false) await projection.finishRebuild?.(client);
    await indexing;
    await recordWatermarks(client, projection.name, watermarks);
    await client.query('COMMIT');
    client.release();
    await progress.finish(handled);
    return { applied };
  } catch (error) {
    await progress?.fail();
    // The connection is closed, which rolls the transaction back: a ROLLBACK could wait forever behind a COPY the
    // projection left open on it.
    client.release(error as Error);
    throw error;
  }
}

/** Whether position `a` is after `b`: both decimal, without leading zeros (a BigInt per event cost more). */
const laterPosition = (a: string, b: string): boolean => a.length > b.length || (a.length === b.length && a > b);

/** The projection's rows of one source's events below `before`, copied into its table: the rows and the highest position. */
async function copyFromSource(
  client: PoolClient,
  copied: CopiedRows,
  store: AllStreamReader,
  before: string,
): Promise<{ readonly rows: number; readonly highest: string }> {
  if (!store.copyEventRows) throw new Error(`rebuild: ${copied.table} is copied, and this source cannot copy rows`);
  const target = `${quoteTable(copied.table)} (${copied.columns.map(escapeIdentifier).join(', ')})`;
  const into = client.query(copyFrom(`COPY ${target} FROM STDIN (FORMAT binary)`));
  const highest = await store.copyEventRows(copied, before, into);
  return { rows: into.rowCount, highest };
}

/** A read started now and awaited later; should the rebuild fail meanwhile, its outcome is not left unhandled. */
function readAhead(source: AllStreamReader, options: ReadAllOptions): Promise<ReadAllBatch> {
  const read = source.readAll(options);
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
