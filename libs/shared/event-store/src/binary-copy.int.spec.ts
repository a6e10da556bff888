import type { ScratchDatabase } from '@registry/testing';
import type { Pool } from 'pg';
import { inTransaction } from './in-transaction';
import { createTestDatabase } from '../test-support/infra';
import { BinaryCopy, type CopyColumn, type CopyValue } from './binary-copy';

const COLUMNS: CopyColumn[] = [
  ['n', 'int4'],
  ['id', 'uuid'],
  ['t', 'text'],
  ['b', 'bool'],
  ['d', 'date'],
  ['at', 'timestamptz'],
  ['x', 'numeric'],
  ['z', 'numeric'],
  ['v', 'int4[]'],
];

const AWKWARD_TEXT = ['a\tb', 'line\nbreak\r', 'back\\slash', '\\N', '', 'ünïcödé ✓ 😀', 'say "hi"\u0001'];
const NUMBERS = [
  0, -0, 1, -1, 0.5, -1.16, 2.5, -1.155, 12.345, 9999.9999, 10000, 123456789.012, 1e-7, 3.2e-12, 1.5e21, 1.5e300,
];
const INSTANTS = [
  '2000-01-01T00:00:00.000Z',
  '1999-12-31T23:59:59.999Z',
  '2025-05-05T03:04:05.678Z',
  '1970-01-01T00:00:00.001Z',
  '2024-02-29T23:59:59.000Z',
  '2025-05-05T10:04:05.678+07:00',
];
const DATES = ['2000-01-01', '1999-12-31', '2024-02-29', '1950-06-15'];

describe('BinaryCopy', () => {
  let database: ScratchDatabase;
  let pool: Pool;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    pool = database.pool;
    await pool.query(`CREATE TABLE copied (n integer PRIMARY KEY, id uuid, t text, b boolean, d date, at timestamptz,
                                          x numeric, z numeric(5,2), v integer[])`);
  });
  afterAll(() => database.drop());

  it('stores every value as the text path would: nulls, awkward text, dates, instants and numbers, across chunks', async () => {
    // Given 30,000 rows (several chunks), every column null now and then
    const rows: CopyValue[][] = Array.from({ length: 30_000 }, (_, n) => [
      n,
      n % 11 === 10 ? null : `0193F1C2-7A5B-7C3D-8E9F-${n.toString(16).padStart(12, '0')}`,
      n % 13 === 12 ? null : AWKWARD_TEXT[n % AWKWARD_TEXT.length].repeat(1 + (n % 3)),
      n % 17 === 16 ? null : n % 2 === 0,
      n % 19 === 18 ? null : DATES[n % DATES.length],
      n % 23 === 22 ? null : INSTANTS[n % INSTANTS.length],
      n % 29 === 28 ? null : NUMBERS[n % NUMBERS.length] * (n % 5 === 0 ? -1 : 1),
      n % 31 === 30 ? null : NUMBERS[n % 8] * (n % 3 === 0 ? -1 : 1),
      n % 37 === 36 ? null : Int32Array.from({ length: n % 5 }, (_, i) => (i % 2 ? -1 : 1) * (n * 7919 + i) * 1009),
    ]);

    // When they are copied in binary
    await inTransaction(pool, async (client) => {
      const copy = BinaryCopy.start(client, 'copied', COLUMNS);
      for (const row of rows) {
        copy.add(row);
        if (row[0] === 15_000) await copy.ready();
      }
      await copy.end();
    });

    // Then each value equals what PostgreSQL makes of the same value sent as text
    const { rows: stored } = await pool.query<{ same: boolean; n: number }>(
      `SELECT c.n, (c.id IS NOT DISTINCT FROM s.id::uuid AND c.t IS NOT DISTINCT FROM s.t
                    AND c.b IS NOT DISTINCT FROM s.b::boolean AND c.d IS NOT DISTINCT FROM s.d::date
                    AND c.at IS NOT DISTINCT FROM s.at::timestamptz
                    AND c.x::text IS NOT DISTINCT FROM s.x::numeric::text
                    AND c.z::text IS NOT DISTINCT FROM s.z::numeric(5,2)::text
                    AND c.v IS NOT DISTINCT FROM s.v::int[]) AS same
         FROM copied c
         JOIN unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[])
           AS s(n, id, t, b, d, at, x, z, v) USING (n)`,
      COLUMNS.map((_, i) =>
        rows.map((row) =>
          row[i] === null ? null : row[i] instanceof Int32Array ? `{${row[i].join(',')}}` : String(row[i]),
        ),
      ),
    );
    expect(stored).toHaveLength(rows.length);
    expect(stored.filter((row) => !row.same).map((row) => row.n)).toEqual([]);
  });

  it('refuses a day or an instant that is not one, naming it, before anything is sent', () => {
    const encode = BinaryCopy.encode;
    expect(() => encode(['date'], ['2024-02-30'])).toThrow('not a date: 2024-02-30');
    expect(() => encode(['date'], ['2024-13-01'])).toThrow('not a date');
    expect(() => encode(['date'], ['24-01-01'])).toThrow('not a date');
    expect(() => encode(['timestamptz'], ['2025-05-05T24:00:00.000Z'])).toThrow('not an instant');
    expect(() => encode(['timestamptz'], ['yesterday'])).toThrow('not an instant');
  });

  it('fails its end, not the process, when the server refuses a row, and the transaction stores nothing', async () => {
    // Given a row whose key is taken
    await pool.query('DELETE FROM copied');
    await pool.query(`INSERT INTO copied (n) VALUES (1)`);

    // When a copy sends it among others
    const copied = inTransaction(pool, async (client) => {
      const copy = BinaryCopy.start(client, 'copied', COLUMNS);
      for (let n = 0; n < 3; n += 1) copy.add([n, null, 'x', true, null, null, 1, 1, null]);
      await copy.end();
    });

    // Then end rejects with the server's reason, and only the earlier row is there
    await expect(copied).rejects.toThrow(/duplicate key/);
    expect((await pool.query('SELECT n FROM copied')).rows).toEqual([{ n: 1 }]);
  });
});
