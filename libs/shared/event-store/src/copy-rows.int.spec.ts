import { randomBytes } from 'node:crypto';
import { Client, escapeIdentifier, Pool } from 'pg';
import { copyRows } from './copy-rows';
import { databaseUrl, ensureDatabase } from './ensure-database';

const adminUrl = () => process.env['DATABASE_URL']!;

describe('copyRows', () => {
  const name = `registry_test_copy_${randomBytes(4).toString('hex')}`;
  let pool: Pool;

  beforeAll(async () => {
    await ensureDatabase(adminUrl(), name);
    pool = new Pool({ connectionString: databaseUrl(adminUrl(), name), max: 2 });
    await pool.query('CREATE TABLE copied (n integer, t text, b boolean, j jsonb)');
  });
  afterAll(async () => {
    await pool.end();
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  });

  it('stores every value as given: nulls, tabs, newlines, backslashes and JSON with escapes, across chunks', async () => {
    const awkward = ['a\tb', 'line\nbreak\r', 'back\\slash', '\\N', '', 'ünïcödé ✓'];
    const rows = Array.from({ length: 30_000 }, (_, n) => [
      n,
      n % 7 === 6 ? null : awkward[n % 7],
      n % 2 === 0,
      JSON.stringify({ n, text: awkward[n % 6], quote: 'say "hi"\\' }),
    ]);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await copyRows(client, 'copied', ['n', 't', 'b', 'j'], rows);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const { rows: stored } = await pool.query('SELECT n, t, b, j FROM copied ORDER BY n');
    expect(stored).toEqual(rows.map(([n, t, b, j]) => ({ n, t, b, j: JSON.parse(j as string) })));
  });
});
