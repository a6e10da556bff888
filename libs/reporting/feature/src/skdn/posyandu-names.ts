import type { Pool } from 'pg';

/** The names the TPPS gave its posyandu (PUT /v1/posyandu/{code}), by code; unlisted codes have none. */
export async function posyanduNames(pool: Pool, codes: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ code: string; name: string }>(
    'SELECT code, name FROM reporting_posyandu WHERE code = ANY($1)',
    [codes],
  );
  return new Map(rows.map((row) => [row.code, row.name]));
}
