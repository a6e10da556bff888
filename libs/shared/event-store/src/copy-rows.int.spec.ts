import type { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../test-support/infra';
import { copyRows } from './copy-rows';

describe('copyRows', () => {
  let database: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    pool = database.pool;
    await pool.query('CREATE TABLE copied (n integer, t text, b boolean, j jsonb)');
  });
  afterAll(() => database.drop());

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
