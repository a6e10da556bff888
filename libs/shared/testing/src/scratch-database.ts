import { randomBytes } from 'node:crypto';
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

async function asAdmin(statement: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A new database named registry_test_<label>_<random>, with a pool of `poolSize` connections to it. */
export async function scratchDatabase(label: string, poolSize = 2): Promise<ScratchDatabase> {
  const name = `registry_test_${label}_${randomBytes(4).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${escapeIdentifier(name)}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.toString(), max: poolSize });
  // pg-pool's end() resolves once it has asked its idle clients to close, not once they have: the forced drop
  // below can still reach one, and its error, emitted on the pool, would otherwise crash the test file. A connection
  // a test ends on purpose (pg_terminate_backend) errs the same way.
  pool.on('error', () => undefined);
  return {
    name,
    url: url.toString(),
    pool,
    drop: async () => {
      await pool.end();
      await asAdmin(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`);
    },
  };
}
