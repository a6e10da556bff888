import { Injectable } from '@nestjs/common';
import {
  ageGroupNumber,
  classNumber,
  countSlot,
  indicatorNumber,
  INDICATORS,
  periodNumber,
  MAX_AGE_DAYS,
  parsePeriod,
  percent,
  periodKind,
  type AgeGroup,
  type IndicatorName,
  type Period,
  type Sex,
} from '@registry/reporting-domain';
import { EventStore } from '@registry/event-store';
import { Regions } from '@registry/regions';
import { prevalenceChoiceOrderSql } from '../infrastructure/prevalence-choice';
import { placeNames } from './place-names';
import { readTargets, type RegionTarget } from '../targets/targets.store';

export type GroupBy = 'province' | 'regency' | 'district' | 'village' | 'puskesmas' | 'posyandu' | 'month';

const GROUP_EXPRESSION: Record<GroupBy, string> = {
  province: 'left(regency_code, 2)',
  regency: 'regency_code',
  district: 'district_code',
  village: 'village_code',
  puskesmas: 'puskesmas_code',
  posyandu: 'posyandu_code',
  month: `to_char(measured_on, 'YYYY-MM')`,
};

const REGENCY_GROUP = { province: 'left(regency_code, 2)', regency: 'regency_code' } as const;

type CountRow = Record<string, number | string | null>;

export interface PrevalenceRequest {
  readonly indicator: IndicatorName;
  readonly groupBy: GroupBy;
  readonly period: Period;
  readonly ageGroup: AgeGroup;
  /** Only measurements of this region (any level: province, regency, district or desa code). */
  readonly regionCode: string | null;
  /** The registry as it knew things at this instant (by recordedAt); null for now. */
  readonly asOf: Date | null;
  /**
   * Only children of this sex (the surviving record's sex as the registry knows it now); absent for both. The
   * aggregate has no sex dimension, so this is the exact path.
   */
  readonly sex?: Sex | null;
}

export type PrevalenceRow = {
  code: string;
  name: string | null;
  measured: number;
  flaggedExcluded: number;
  /** The indicator's numerator (its moderate and severe classes): the children the prevalence counts. */
  cases: number;
  prevalencePct: number | null;
  targetPopulation: number | null;
  coveragePct: number | null;
  targetPrevalencePct: number | null;
} & Record<string, number | string | null>;

/**
 * Prevalence per group: each child once (its surviving record after merges), with its latest valid measurement in
 * the period; flagged values excluded; voided measurements gone; corrected ones counted as corrected; the child
 * counts where it lived when measured.
 *
 * Two paths give the same figures. The registry as it knows things now (no `asOf`) for a year or a month is read
 * from the prevalence aggregate the projections keep (prevalence-aggregate.ts): a few thousand count rows, fast at
 * any size. `asOf`, a quarter, one sex (and the trend's multi-month range) are the exact, slow path: it recomputes
 * from every measurement version of the period at request time, which is what lets a figure be regenerated as it
 * was known at any instant.
 */
@Injectable()
export class PrevalenceQuery {
  constructor(
    private readonly store: EventStore,
    private readonly regions: Regions,
  ) {}

  async run(request: PrevalenceRequest): Promise<PrevalenceRow[]> {
    // The aggregate keeps years and months, for both sexes together.
    const kept = parsePeriod(request.period.label);
    const fromAggregate =
      request.asOf === null &&
      !request.sex &&
      request.groupBy !== 'month' &&
      kept !== null &&
      periodKind(kept) !== 'quarter';
    return this.finish(
      request,
      fromAggregate ? await this.countsFromAggregate(request) : await this.countsExact(request),
    );
  }

  /** The exact path, whatever the request: what the aggregate is checked against. */
  async runExact(request: PrevalenceRequest): Promise<PrevalenceRow[]> {
    return this.finish(request, await this.countsExact(request));
  }

  private async countsFromAggregate(request: PrevalenceRequest): Promise<CountRow[]> {
    const region = request.regionCode?.split('.').length ?? 0;
    // Per regency and province, a region no finer than a regency: the per-regency counts (a few thousand rows).
    const byRegency = (request.groupBy === 'regency' || request.groupBy === 'province') && region <= 2;
    const { rows } = await this.store.pool.query<CountRow>(
      byRegency ? this.regencyCountsSql(request) : this.placeCountsSql(request),
      byRegency
        ? [request.period.label, request.indicator, request.ageGroup, regencyPattern(request.regionCode)]
        : [periodNumber(request.period.label), ageGroupNumber(request.ageGroup), regionPattern(request.regionCode)],
    );
    return rows;
  }

  /** From the per-regency counts, which name period, indicator, age group and class. */
  private regencyCountsSql(request: PrevalenceRequest): string {
    const indicator = INDICATORS[request.indicator];
    const total = (filter: string) => `COALESCE(sum(children) FILTER (WHERE ${filter}), 0)::int`;
    const classCounts = Object.entries(indicator.classes)
      .map(([name, code]) => `${total(`NOT flagged AND class = '${code}'`)} AS "${name}"`)
      .join(',\n        ');
    const numerator = indicator.numerator.map((code) => `'${code}'`).join(', ');
    return `SELECT ${REGENCY_GROUP[request.groupBy as 'regency' | 'province']} AS code,
        ${total('NOT flagged')} AS measured,
        ${total(`NOT flagged AND class IN (${numerator})`)} AS numerator,
        ${classCounts},
        ${total('flagged')} AS "flaggedExcluded"
         FROM reporting_prevalence_regency_counts
        WHERE period = $1 AND indicator = $2 AND age_group = $3 AND ($4::text IS NULL OR regency_code LIKE $4)
        GROUP BY code ORDER BY code`;
  }

  /**
   * From the count rows of each place, whose vectors count children per indicator, class and flag (cell-codes.ts):
   * a group is there when the indicator counted a child in it.
   */
  private placeCountsSql(request: PrevalenceRequest): string {
    const indicator = INDICATORS[request.indicator];
    const number = indicatorNumber(request.indicator);
    const slots = (codes: readonly string[], flagged: boolean) =>
      codes.map((code) => countSlot(number, classNumber(request.indicator, code), flagged));
    // Array positions count from 1.
    const total = (of: readonly number[]) =>
      `COALESCE(sum(${of.map((slot) => `children[${slot + 1}]`).join(' + ')}), 0)::int`;
    const codes = Object.values(indicator.classes) as string[];
    const classCounts = Object.entries(indicator.classes)
      .map(([name, code]) => `${total(slots([code], false))} AS "${name}"`)
      .join(',\n        ');
    return `SELECT ${GROUP_EXPRESSION[request.groupBy]} AS code,
        ${total(slots(codes, false))} AS measured,
        ${total(slots(indicator.numerator, false))} AS numerator,
        ${classCounts},
        ${total(slots(codes, true))} AS "flaggedExcluded"
         FROM reporting_prevalence_counts
        WHERE period = $1 AND age_group = $2 AND ($3::text IS NULL OR village_code LIKE $3)
        GROUP BY code HAVING ${total([...slots(codes, false), ...slots(codes, true)])} > 0 ORDER BY code`;
  }

  private async countsExact(request: PrevalenceRequest): Promise<CountRow[]> {
    const indicator = INDICATORS[request.indicator];
    const classColumn = `${indicator.column}_class`;
    const flagColumn = `${indicator.column}_flag`;
    const classCounts = Object.entries(indicator.classes)
      .map(([name, code]) => `count(*) FILTER (WHERE NOT flagged AND cls = '${code}')::int AS "${name}"`)
      .join(',\n        ');
    const numerator = indicator.numerator.map((code) => `'${code}'`).join(', ');
    const { rows } = await this.store.pool.query<CountRow>(
      // The latest version of each measurement that has a version in the period, kept if it is still in the period:
      // a correction that moved a measurement out of the period takes it out.
      `WITH latest_version AS (
         SELECT * FROM (
           SELECT DISTINCT ON (measurement_id) *
             FROM reporting_measurement_versions
            WHERE recorded_at <= $1
              AND measurement_id IN (SELECT measurement_id FROM reporting_measurement_versions WHERE measured_on BETWEEN $2 AND $3)
            ORDER BY measurement_id, version DESC) v
          WHERE measured_on BETWEEN $2 AND $3
       ), considered AS (
         SELECT lv.*, COALESCE(m.into_child_id, lv.child_id) AS real_child_id
           FROM latest_version lv
           LEFT JOIN reporting_merges m
             ON m.child_id = lv.child_id AND m.merged_at <= $1 AND (m.unmerged_at IS NULL OR m.unmerged_at > $1)
          WHERE NOT lv.voided AND lv.age_days <= $5 AND lv.${classColumn} IS NOT NULL
       ), per_child AS (
         SELECT DISTINCT ON (real_child_id) ${GROUP_EXPRESSION[request.groupBy]} AS code, village_code, ${classColumn} AS cls,
                ${flagColumn} AS flagged, real_child_id
           FROM considered
          ORDER BY real_child_id, ${prevalenceChoiceOrderSql(flagColumn)}
       )
       SELECT code,
        count(*) FILTER (WHERE NOT flagged)::int AS measured,
        count(*) FILTER (WHERE NOT flagged AND cls IN (${numerator}))::int AS numerator,
        ${classCounts},
        count(*) FILTER (WHERE flagged)::int AS "flaggedExcluded"
         FROM per_child
        -- The region is applied to each child's chosen measurement: a child who moved away during the period
        -- counts where its latest measurement was taken, not also where an earlier one was.
        WHERE ($4::text IS NULL OR village_code LIKE $4)
          AND ($6::text IS NULL
               OR EXISTS (SELECT 1 FROM reporting_children c WHERE c.child_id = per_child.real_child_id AND c.sex = $6))
        GROUP BY code ORDER BY code`,
      [
        request.asOf ?? new Date('9999-12-31T00:00:00Z'),
        request.period.from,
        request.period.to,
        regionPattern(request.regionCode),
        MAX_AGE_DAYS[request.ageGroup],
        request.sex ?? null,
      ],
    );
    return rows;
  }

  private async finish(request: PrevalenceRequest, rows: CountRow[]): Promise<PrevalenceRow[]> {
    const codes = rows.map((row) => String(row['code']));
    const targets = await this.targets(codes, request.period.year);
    const names =
      request.groupBy === 'month'
        ? new Map<string, string>()
        : await placeNames(this.store.pool, this.regions, request.groupBy, codes);
    return rows.map(({ numerator: count, ...row }) => {
      const code = String(row['code']);
      const target = targets.get(code);
      const measured = Number(row['measured']);
      return {
        ...row,
        code,
        name: names.get(code) ?? null,
        measured,
        flaggedExcluded: Number(row['flaggedExcluded']),
        cases: Number(count),
        prevalencePct: percent(Number(count), measured),
        targetPopulation: target?.population ?? null,
        coveragePct: target?.population ? percent(measured, target.population) : null,
        targetPrevalencePct: target?.prevalencePct ?? null,
      };
    });
  }

  async targets(codes: string[], year: number): Promise<Map<string, RegionTarget>> {
    return readTargets(this.store.pool, codes, year);
  }
}

/** A province's regencies start with its code; a regency is itself. */
const regencyPattern = (regionCode: string | null): string | null =>
  regionCode === null ? null : regionCode.split('.').length === 2 ? regionCode : `${regionCode}.%`;

/** Kemendagri codes nest, so a region's desa all start with its code. */
const regionPattern = (regionCode: string | null): string | null =>
  regionCode === null ? null : regionCode.split('.').length === 4 ? regionCode : `${regionCode}.%`;
