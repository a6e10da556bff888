import { Client, escapeIdentifier } from 'pg';

const DUPLICATE_DATABASE = '42P04';
/** Two concurrent CREATE DATABASE of one name: the loser can hit pg_database's unique index instead of 42P04. */
const UNIQUE_VIOLATION = '23505';
/** CREATE DATABASE refuses while another session is connected to the template; it is brief, so try again. */
const TEMPLATE_IN_USE = '55006';

/** Creates the database unless it exists. Safe when several processes race to create the same one. */
export async function ensureDatabase(adminUrl: string, dbName: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (let attempt = 1; ; attempt += 1) {
      const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
      if (existing.rowCount) return;
      try {
        await client.query(`CREATE DATABASE ${escapeIdentifier(dbName)}`);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) return;
        if (code !== TEMPLATE_IN_USE || attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await client.end();
  }
}

/** The URL of another database on the same server, e.g. a service's database from the admin URL. */
export function databaseUrl(serverUrl: string, dbName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(dbName)}`;
  return url.toString();
}
