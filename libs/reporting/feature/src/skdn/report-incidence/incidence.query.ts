import { Injectable } from '@nestjs/common';
import { EventStore } from '@registry/event-store';
import { Regions } from '@registry/regions';
import {
  addMonths,
  indicatorNumber,
  periodNumber,
  MAX_AGE_DAYS,
  percent,
  type IncidenceCounts,
  type IndicatorName,
  type Period,
} from '@registry/reporting-domain';
import { placeNames } from '../../reports/place-names';
import { CLASSES_BY_INDICATOR_SQL, CURRENT_AS_OF, IS_CASE_SQL, MONTH_OF, regencyOf, villagePattern } from '../skdn-sql';

export type IncidenceGroupBy = 'regency' | 'district' | 'village' | 'puskesmas' | 'posyandu';

export interface IncidenceRequest {
  readonly indicator: IndicatorName;
  /** A month, or a year: the sum of its months. */
  readonly period: Period;
  readonly groupBy: IncidenceGroupBy;
  /** Only measurements of this region (province, regency, district or desa code), or null for all. */
  readonly regionCode: string | null;
  /** The registry as it knew things at this instant (by recordedAt); null for now. */
  readonly asOf: Date | null;
}

export interface IncidenceRow extends IncidenceCounts {
  readonly code: string;
  readonly name: string | null;
  /** New cases per 100 children at risk. */
  readonly incidencePct: number | null;
}

const GROUP_COLUMN: Record<IncidenceGroupBy, string> = {
  regency: 'regency_code',
  district: 'district_code',
  village: 'village_code',
  puskesmas: 'puskesmas_code',
  posyandu: 'posyandu_code',
};

/** The stored month (YYYYMM) of a date. */
const monthNumber = (date: string): number => periodNumber(date.slice(0, 7));

/**
 * Incidence per place for a month or a year (rules: reporting-domain's incidence.ts): the children at risk of becoming
 * a case of the indicator in each month, and those who became one. A year adds its months: a child at risk in three
 * of them counts three times in its denominator (child-months). Two paths give the same figures: now, from the counts
 * the SKDN projection keeps; `asOf`, from the measurement versions known then, at request time.
 */
@Injectable()
export class IncidenceQuery {
  constructor(
    private readonly store: EventStore,
    private readonly regions: Regions,
  ) {}

  async run(request: IncidenceRequest): Promise<IncidenceRow[]> {
    const rows = request.asOf === null ? await this.keptCounts(request) : await this.countsAsOf(request);
    const names = await placeNames(
      this.store.pool,
      this.regions,
      request.groupBy,
      rows.map((row) => row.code),
    );
    return rows.map(({ code, atRisk, newCases }) => ({
      code,
      name: names.get(code) ?? null,
      atRisk,
      newCases,
      incidencePct: percent(newCases, atRisk),
    }));
  }

  /** Per month of a range, the region's counts now: the trend's incidence beside its prevalence. */
  async monthly(
    indicator: IndicatorName,
    regionCode: string,
    from: string,
    to: string,
  ): Promise<Map<string, IncidenceCounts>> {
    const { rows } = await this.store.pool.query<{ month: number } & IncidenceCounts>(
      `SELECT month, sum(at_risk)::int AS "atRisk", sum(onsets)::int AS "newCases"
         FROM reporting_incidence_counts
        WHERE indicator = $1 AND month BETWEEN $2 AND $3 AND ($4::text IS NULL OR regency_code = $4)
          AND village_code LIKE $5
        GROUP BY month`,
      [
        indicatorNumber(indicator),
        monthNumber(from),
        monthNumber(to),
        regencyOf(regionCode),
        villagePattern(regionCode),
      ],
    );
    return new Map(
      rows.map(({ month, ...counts }) => [
        `${Math.floor(month / 100)}-${String(month % 100).padStart(2, '0')}`,
        counts,
      ]),
    );
  }

  private async keptCounts(request: IncidenceRequest): Promise<Array<{ code: string } & IncidenceCounts>> {
    const { rows } = await this.store.pool.query<{ code: string } & IncidenceCounts>(
      `SELECT ${GROUP_COLUMN[request.groupBy]} AS code, sum(at_risk)::int AS "atRisk", sum(onsets)::int AS "newCases"
         FROM reporting_incidence_counts
        WHERE indicator = $1 AND month BETWEEN $2 AND $3 AND ($4::text IS NULL OR regency_code = $4)
          AND village_code LIKE $5
        GROUP BY 1 HAVING sum(at_risk) > 0 ORDER BY 1`,
      [
        indicatorNumber(request.indicator),
        monthNumber(request.period.from),
        monthNumber(request.period.to),
        regencyOf(request.regionCode),
        villagePattern(request.regionCode),
      ],
    );
    return rows;
  }

  /**
   * The children measured in the region in the period as known at `asOf`, under their surviving records then, with
   * every version of their (and their merged records') measurements known then: each month's state, the month before's,
   * and the months of the period at risk, counted where the month's measurement was taken.
   */
  private async countsAsOf(request: IncidenceRequest): Promise<Array<{ code: string } & IncidenceCounts>> {
    const indicator = indicatorNumber(request.indicator);
    const { rows } = await this.store.pool.query<{ code: string } & IncidenceCounts>(
      `WITH ${CURRENT_AS_OF}, valid AS (
         SELECT * FROM current WHERE NOT voided AND age_days <= ${MAX_AGE_DAYS.balita}
       ), monthly AS (
         SELECT DISTINCT ON (c.real_id, ${MONTH_OF('c.measured_on')}) c.real_id, ${MONTH_OF('c.measured_on')} AS month,
                ${IS_CASE_SQL('i.indicator', 'i.cls')} AS low, c.regency_code, c.district_code, c.village_code,
                c.puskesmas_code, COALESCE(c.posyandu_code, '') AS posyandu_code
           FROM valid c
          CROSS JOIN LATERAL (VALUES ${CLASSES_BY_INDICATOR_SQL('c')}) i(indicator, cls, flagged)
          WHERE i.indicator = $5 AND i.cls IS NOT NULL AND NOT i.flagged
          ORDER BY c.real_id, ${MONTH_OF('c.measured_on')}, c.measured_on DESC, c.measurement_id DESC
       ), transitions AS (
         SELECT *, lag(low) OVER (PARTITION BY real_id ORDER BY month) AS was_low FROM monthly
       )
       SELECT ${GROUP_COLUMN[request.groupBy]} AS code, count(*)::int AS "atRisk",
              count(*) FILTER (WHERE low)::int AS "newCases"
         FROM transitions
        WHERE NOT was_low AND month BETWEEN ${monthNumber(request.period.from)} AND ${monthNumber(request.period.to)}
          AND village_code LIKE $4
        GROUP BY 1 ORDER BY 1`,
      [
        request.period.from,
        `${addMonths(request.period.to.slice(0, 7), 1)}-01`,
        request.asOf,
        villagePattern(request.regionCode),
        indicator,
        regencyOf(request.regionCode),
      ],
    );
    return rows;
  }
}
