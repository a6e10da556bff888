import { randomBytes } from 'node:crypto';
import { databaseUrl, ensureDatabase } from '@registry/event-store';
import { Client, escapeIdentifier, Pool } from 'pg';

/** A database of its own for one int test file, on the PostgreSQL that infra/up.sh names in DATABASE_URL. */
export interface ScratchDatabase {
  readonly name: string;
  readonly url: string;
  readonly pool: Pool;
  /** Ends the pool and drops the database, whatever connections are still open. */
  drop(): Promise<void>;
}

const adminUrl = (): string => {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set: run infra/up.sh (the int jest project loads .var/infra.env)');
  return url;
};

export async function scratchDatabase(label: string, poolSize = 2): Promise<ScratchDatabase> {
  const name = `registry_test_${label}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(adminUrl(), name);
  const url = databaseUrl(adminUrl(), name);
  const pool = new Pool({ connectionString: url, max: poolSize });
  // pg-pool's end() resolves once it has asked its idle clients to close, not once they have: the forced drop
  // below can still reach one, and its error, emitted on the pool, would otherwise crash the test file.
  pool.on('error', () => undefined);
  return {
    name,
    url,
    pool,
    drop: async () => {
      await pool.end();
      const admin = new Client({ connectionString: adminUrl() });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
