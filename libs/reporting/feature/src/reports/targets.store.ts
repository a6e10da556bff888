import type { Pool } from 'pg';

/** A wilayah's sasaran for a year, as the TPPS set it (PUT /v1/targets/{regionCode}/{year}). */
export interface RegionTarget {
  readonly population: number | null;
  readonly prevalencePct: number | null;
}

/** The targets set for these regions and year, by region code; regions without one are absent. */
export async function readTargets(
  pool: Pool,
  codes: readonly string[],
  year: number,
): Promise<Map<string, RegionTarget>> {
  const { rows } = await pool.query<{
    region_code: string;
    target_population: number | null;
    target_prevalence_pct: string | null;
  }>(
    'SELECT region_code, target_population, target_prevalence_pct FROM reporting_targets WHERE region_code = ANY($1) AND year = $2',
    [codes, year],
  );
  return new Map(
    rows.map((row) => [
      row.region_code,
      {
        population: row.target_population,
        prevalencePct: row.target_prevalence_pct === null ? null : Number(row.target_prevalence_pct),
      },
    ]),
  );
}
