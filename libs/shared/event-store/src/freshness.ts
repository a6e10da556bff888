import type { Pool } from 'pg';

export interface StoredFreshness {
  /** When the newest event of this database's store was recorded; null for an empty store. */
  readonly lastRecordedAt: Date | null;
  /** Per consumer (projection) name: when it last stored an offset, that is applied or skipped a message. */
  readonly lastAppliedAt: ReadonlyMap<string, Date>;
}

/**
 * What this database says of its own freshness. The newest event is read by position (the primary key), not by
 * max(recorded_at), which has no index: a store of millions of events answers at once.
 */
export async function readStoredFreshness(pool: Pool): Promise<StoredFreshness> {
  const [store, offsets] = await Promise.all([
    pool.query<{ recorded_at: Date }>('SELECT recorded_at FROM es_events ORDER BY global_position DESC LIMIT 1'),
    pool.query<{ consumer_name: string; updated_at: Date }>(
      'SELECT consumer_name, max(updated_at) AS updated_at FROM es_consumer_offsets GROUP BY consumer_name',
    ),
  ]);
  return {
    lastRecordedAt: store.rows[0]?.recorded_at ?? null,
    lastAppliedAt: new Map(offsets.rows.map((row) => [row.consumer_name, row.updated_at])),
  };
}
