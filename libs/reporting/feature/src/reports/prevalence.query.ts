import { Injectable } from '@nestjs/common';
import {
  INDICATORS,
  MAX_AGE_DAYS,
  percent,
  type AgeGroup,
  type IndicatorName,
  type Period,
} from '@registry/reporting-domain';
import { EventStore } from '@registry/event-store';
import { Regions } from '@registry/regions';

export type GroupBy = 'province' | 'regency' | 'district' | 'village' | 'puskesmas' | 'month';

const GROUP_EXPRESSION: Record<GroupBy, string> = {
  province: 'left(regency_code, 2)',
  regency: 'regency_code',
  district: 'district_code',
  village: 'village_code',
  puskesmas: 'puskesmas_code',
  month: `to_char(measured_on, 'YYYY-MM')`,
};

export interface PrevalenceRequest {
  readonly indicator: IndicatorName;
  readonly groupBy: GroupBy;
  readonly period: Period;
  readonly ageGroup: AgeGroup;
  /** Only measurements of this region (any level: province, regency, district or desa code). */
  readonly regionCode: string | null;
  /** The registry as it knew things at this instant (by recordedAt); null for now. */
  readonly asOf: Date | null;
}

export type PrevalenceRow = {
  code: string;
  name: string | null;
  measured: number;
  flaggedExcluded: number;
  prevalencePct: number | null;
  targetPopulation: number | null;
  coveragePct: number | null;
  targetPrevalencePct: number | null;
} & Record<string, number | string | null>;

/**
 * Prevalence per group, computed from the measurement versions the registry knew at `asOf`: each child once (its
 * surviving record after merges), with its latest valid measurement in the period; flagged values excluded; voided
 * measurements gone; corrected ones counted as corrected; the child counts where it lived when measured.
 */
@Injectable()
export class PrevalenceQuery {
  constructor(
    private readonly store: EventStore,
    private readonly regions: Regions,
  ) {}

  async run(request: PrevalenceRequest): Promise<PrevalenceRow[]> {
    const indicator = INDICATORS[request.indicator];
    const classColumn = `${indicator.column}_class`;
    const flagColumn = `${indicator.column}_flag`;
    const classCounts = Object.entries(indicator.classes)
      .map(([name, code]) => `count(*) FILTER (WHERE NOT flagged AND cls = '${code}')::int AS "${name}"`)
      .join(',\n        ');
    const numerator = indicator.numerator.map((code) => `'${code}'`).join(', ');
    const { rows } = await this.store.pool.query<Record<string, number | string | null>>(
      `WITH latest_version AS (
         SELECT DISTINCT ON (measurement_id) *
           FROM reporting_measurement_versions
          WHERE recorded_at <= $1 AND measured_on BETWEEN $2 AND $3
          ORDER BY measurement_id, version DESC
       ), considered AS (
         SELECT lv.*, COALESCE(m.into_child_id, lv.child_id) AS real_child_id
           FROM latest_version lv
           LEFT JOIN reporting_merges m
             ON m.child_id = lv.child_id AND m.merged_at <= $1 AND (m.unmerged_at IS NULL OR m.unmerged_at > $1)
          WHERE NOT lv.voided AND lv.age_days <= $5 AND lv.${classColumn} IS NOT NULL
       ), per_child AS (
         SELECT DISTINCT ON (real_child_id) ${GROUP_EXPRESSION[request.groupBy]} AS code, village_code, ${classColumn} AS cls,
                ${flagColumn} AS flagged
           FROM considered
          ORDER BY real_child_id, ${flagColumn} ASC, measured_on DESC, recorded_at DESC, measurement_id
       )
       SELECT code,
        count(*) FILTER (WHERE NOT flagged)::int AS measured,
        count(*) FILTER (WHERE NOT flagged AND cls IN (${numerator}))::int AS numerator,
        ${classCounts},
        count(*) FILTER (WHERE flagged)::int AS "flaggedExcluded"
         FROM per_child
        -- The region is applied to each child's chosen measurement: a child who moved away during the period
        -- counts where its latest measurement was taken, not also where an earlier one was.
        WHERE $4::text IS NULL OR village_code LIKE $4
        GROUP BY code ORDER BY code`,
      [
        request.asOf ?? new Date('9999-12-31T00:00:00Z'),
        request.period.from,
        request.period.to,
        regionPattern(request.regionCode),
        MAX_AGE_DAYS[request.ageGroup],
      ],
    );
    const targets = await this.targets(
      rows.map((row) => String(row['code'])),
      request.period.year,
    );
    return rows.map(({ numerator: count, ...row }) => {
      const code = String(row['code']);
      const target = targets.get(code);
      const measured = Number(row['measured']);
      return {
        ...row,
        code,
        name:
          request.groupBy === 'puskesmas' || request.groupBy === 'month'
            ? null
            : (this.regions.find(code)?.name ?? null),
        measured,
        flaggedExcluded: Number(row['flaggedExcluded']),
        prevalencePct: percent(Number(count), measured),
        targetPopulation: target?.population ?? null,
        coveragePct: target?.population ? percent(measured, target.population) : null,
        targetPrevalencePct: target?.prevalencePct ?? null,
      };
    });
  }

  async targets(
    codes: string[],
    year: number,
  ): Promise<Map<string, { population: number | null; prevalencePct: number | null }>> {
    const { rows } = await this.store.pool.query<{
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
}

/** Kemendagri codes nest, so a region's desa all start with its code. */
const regionPattern = (regionCode: string | null): string | null =>
  regionCode === null ? null : regionCode.split('.').length === 4 ? regionCode : `${regionCode}.%`;
