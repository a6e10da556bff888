import type { Pool, PoolClient } from 'pg';

export interface TransactionOptions<T> {
  /**
   * Rolls the transaction back instead of committing it when the result says the work failed in a way it answers
   * rather than throws (a projection that rejected an event, say): the result is returned, the connection kept.
   */
  readonly rollBackIf?: (result: T) => boolean;
}

/**
 * Runs `work` in a transaction of its own on one of the pool's connections: committed, or rolled back if it throws.
 * A throw also drops the connection, which may be broken (the database gone), and is thrown even if the rollback
 * fails too: the work's error says what went wrong, the rollback's would only say the connection is gone.
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  options: TransactionOptions<T> = {},
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query(options.rollBackIf?.(result) ? 'ROLLBACK' : 'COMMIT');
    client.release();
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(error as Error);
    throw error;
  }
}
