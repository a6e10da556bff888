import { Client, type Pool } from 'pg';

/** How far a projection's last rebuild got, as `es_rebuild_progress` keeps it for the service's /metrics. */
export interface RebuildProgressRow {
  readonly projection: string;
  readonly state: 'running' | 'finished' | 'failed';
  /** Events the rebuild has to read: every event its sources had committed when it began. */
  readonly sourceEvents: number;
  readonly appliedEvents: number;
  readonly updatedAt: Date;
}

/** At most one progress write a second: a rebuild applies tens of thousands of events in that time. */
const WRITE_INTERVAL_MS = 1_000;

/**
 * Writes a rebuild's progress on a connection of its own, outside the rebuild's transaction: everything the
 * rebuild writes stays invisible until it commits, and an operator wants to see it move meanwhile. A connection of
 * its own rather than one of the pool, whose size the caller chose for the rebuild alone.
 */
export class RebuildProgress {
  private lastWrite = 0;

  private constructor(
    private readonly client: Client,
    private readonly projection: string,
  ) {}

  static async start(pool: Pool, projection: string, sourceEvents: number): Promise<RebuildProgress> {
    const client = new Client(pool.options);
    await client.connect();
    await client.query(
      `INSERT INTO es_rebuild_progress (consumer_name, state, source_events, applied_events, started_at, updated_at)
       VALUES ($1, 'running', $2, 0, now(), now())
       ON CONFLICT (consumer_name) DO UPDATE
         SET state = 'running', source_events = $2, applied_events = 0, started_at = now(), updated_at = now()`,
      [projection, sourceEvents],
    );
    return new RebuildProgress(client, projection);
  }

  /** Records `applied` events, unless it recorded some less than a second ago. */
  async advance(applied: number): Promise<void> {
    if (Date.now() - this.lastWrite < WRITE_INTERVAL_MS) return;
    this.lastWrite = Date.now();
    await this.write('running', applied);
  }

  /** The rebuild committed `applied` events; the connection is closed. */
  finish(applied: number): Promise<void> {
    return this.end('finished', applied);
  }

  /** The rebuild rolled back; what it had applied stays recorded. */
  fail(): Promise<void> {
    return this.end('failed', null);
  }

  /**
   * A failure to record the end is not the rebuild's failure (it has committed or rolled back by then): the row
   * then stays `running` with an `updated_at` that no longer moves, which /metrics shows.
   */
  private async end(state: 'finished' | 'failed', applied: number | null): Promise<void> {
    await this.write(state, applied).catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }

  private async write(state: RebuildProgressRow['state'], applied: number | null): Promise<void> {
    await this.client.query(
      `UPDATE es_rebuild_progress SET state = $2, applied_events = coalesce($3, applied_events), updated_at = now()
        WHERE consumer_name = $1`,
      [this.projection, state, applied],
    );
  }
}

/** Every projection's last rebuild in this database, for /metrics. */
export async function readRebuildProgress(pool: Pool): Promise<RebuildProgressRow[]> {
  const { rows } = await pool.query<{
    consumer_name: string;
    state: RebuildProgressRow['state'];
    source_events: string;
    applied_events: string;
    updated_at: Date;
  }>(
    `SELECT consumer_name, state, source_events, applied_events, updated_at
       FROM es_rebuild_progress ORDER BY consumer_name`,
  );
  return rows.map((row) => ({
    projection: row.consumer_name,
    state: row.state,
    sourceEvents: Number(row.source_events),
    appliedEvents: Number(row.applied_events),
    updatedAt: row.updated_at,
  }));
}
