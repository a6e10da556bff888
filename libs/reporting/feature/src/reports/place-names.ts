import type { Regions } from '@registry/regions';
import type { Pool } from 'pg';

/**
 * The names of the places a report groups by, by code: a region's from the Kemendagri list, a posyandu's as the TPPS
 * listed it (PUT /v1/posyandu/{code}); a puskesmas, and a code nobody named, have none.
 */
export async function placeNames(
  pool: Pool,
  regions: Regions,
  groupBy: 'province' | 'regency' | 'district' | 'village' | 'puskesmas' | 'posyandu',
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (groupBy === 'puskesmas') return new Map();
  if (groupBy !== 'posyandu')
    return new Map(
      codes.flatMap((code) => {
        const name = regions.find(code)?.name;
        return name === undefined ? [] : [[code, name] as const];
      }),
    );
  const { rows } = await pool.query<{ code: string; name: string }>(
    'SELECT code, name FROM reporting_posyandu WHERE code = ANY($1)',
    [codes],
  );
  return new Map(rows.map((row) => [row.code, row.name]));
}
