import type { TargetFacts } from '@registry/reporting-domain';
import type { ClientBase, Pool } from 'pg';

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

/** One stream per wilayah and year: the targets set for it, in order. */
export const targetStreamId = ({ regionCode, year }: Pick<TargetFacts, 'regionCode' | 'year'>): string =>
  `target-${regionCode}-${year}`;

/** The read model of a target set, written with its event. */
export async function saveTarget(client: Pick<ClientBase, 'query'>, facts: TargetFacts): Promise<void> {
  await client.query(
    `INSERT INTO reporting_targets (region_code, year, target_population, target_prevalence_pct, updated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (region_code, year) DO UPDATE SET target_population = $3, target_prevalence_pct = $4, updated_at = now()`,
    [facts.regionCode, facts.year, facts.targetPopulation, facts.targetPrevalencePct],
  );
}
