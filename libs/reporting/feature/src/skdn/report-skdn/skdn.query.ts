import { Injectable } from '@nestjs/common';
import { EventStore } from '@registry/event-store';
import { Regions } from '@registry/regions';
import {
  addMonths,
  balitaBirthMonths,
  earliestBalitaBirthDateIn,
  periodNumber,
  skdnIndicators,
  type SkdnCounts,
  type SkdnIndicators,
} from '@registry/reporting-domain';
import { readTargets } from '../../targets/targets.store';
import { placeNames } from '../../reports/place-names';
import { BALITA_IN_MONTH_SQL, CURRENT_AS_OF, NAMED_COUNTS, NAMED_SUMS, regencyOf, villagePattern } from '../skdn-sql';

export type SkdnGroupBy = 'regency' | 'district' | 'village' | 'puskesmas' | 'posyandu';

export interface SkdnRequest {
  /** YYYY-MM */
  readonly month: string;
  readonly groupBy: SkdnGroupBy;
  /** The weighings of this region (province, regency, district or desa code), or null for all. */
  readonly regionCode: string | null;
  readonly posyanduCode: string | null;
  /** The registry as it knew things at this instant (by recordedAt); null for now. */
  readonly asOf: Date | null;
}

export interface SkdnRow extends SkdnCounts, SkdnIndicators {
  readonly code: string;
  readonly name: string | null;
  /** S: the sasaran set for the place and year, else K; null for a posyandu or puskesmas (no residents of its own). */
  readonly s: number | null;
  /** K: registered balita living in the place in the month; null for a posyandu or puskesmas. */
  readonly k: number | null;
}

const GROUP_COLUMN: Record<SkdnGroupBy, string> = {
  regency: 'regency_code',
  district: 'district_code',
  village: 'village_code',
  puskesmas: 'puskesmas_code',
  posyandu: 'posyandu_code',
};

/** Places that have residents: S and K are given for these. */
const RESIDENTIAL: ReadonlySet<SkdnGroupBy> = new Set(['regency', 'district', 'village']);

/** The month's first day and the next month's, as dates. */
const monthRange = (month: string): [string, string] => [`${month}-01`, `${addMonths(month, 1)}-01`];

/**
 * SKDN per place for one month (issue #26; rules in reporting-domain's skdn.ts). Two paths give the same figures:
 * the registry as it knows things now comes from the counts the projection keeps (a row per place and month); `asOf`
 * chooses each child's weighing of the month again from the versions known at that instant, at request time.
 */
@Injectable()
export class SkdnQuery {
  constructor(
    private readonly store: EventStore,
    private readonly regions: Regions,
  ) {}

  async run(request: SkdnRequest): Promise<SkdnRow[]> {
    const counts = request.asOf === null ? await this.keptCounts(request) : await this.countsAsOf(request);
    // One posyandu's weighings have no residents of their own either: S and K are then null, as for a posyandu row.
    const residents =
      RESIDENTIAL.has(request.groupBy) && request.posyanduCode === null ? await this.residents(request) : null;
    const targets = residents
      ? await readTargets(this.store.pool, [...residents.keys()], Number(request.month.slice(0, 4)))
      : null;
    const codes = new Set([...counts.keys(), ...(residents?.keys() ?? [])]);
    const names = await placeNames(this.store.pool, this.regions, request.groupBy, [...codes]);
    return [...codes].sort().map((code) => {
      const weighed = counts.get(code) ?? { weighed: 0, n: 0, t: 0, twoT: 0, o: 0, b: 0, bgm: 0 };
      const k = residents ? (residents.get(code) ?? 0) : null;
      const s = targets?.get(code)?.population ?? k;
      return { code, name: names.get(code) ?? null, s, k, ...weighed, ...skdnIndicators(weighed, k, s) };
    });
  }

  /** The exact path, whatever the request: what the kept counts are checked against. */
  async runExact(request: SkdnRequest): Promise<SkdnRow[]> {
    return this.run({ ...request, asOf: request.asOf ?? new Date() });
  }

  private async keptCounts(request: SkdnRequest): Promise<Map<string, SkdnCounts>> {
    const column = GROUP_COLUMN[request.groupBy];
    const { rows } = await this.store.pool.query<{ code: string } & SkdnCounts>(
      `SELECT ${column} AS code, ${NAMED_SUMS}
         FROM reporting_skdn_counts
        WHERE month = $1 AND ($2::text IS NULL OR regency_code = $2) AND village_code LIKE $3
          AND ($4::text IS NULL OR posyandu_code = $4)
        GROUP BY 1
       HAVING sum(weighed) <> 0`,
      [
        periodNumber(request.month),
        regencyOf(request.regionCode),
        villagePattern(request.regionCode),
        request.posyanduCode,
      ],
    );
    return new Map(rows.map(({ code, ...counts }) => [code, counts]));
  }

  /**
   * The children weighed in the region in the month as known at `asOf`, under their surviving records then, each
   * with the latest version of each of its (and its merged records') weighings known then; of those in the month, the
   * latest by date, then by measurement id, counted where it was taken.
   */
  private async countsAsOf(request: SkdnRequest): Promise<Map<string, SkdnCounts>> {
    const [start, end] = monthRange(request.month);
    const column = GROUP_COLUMN[request.groupBy];
    const { rows } = await this.store.pool.query<{ code: string } & SkdnCounts>(
      `WITH ${CURRENT_AS_OF}, weighings AS (
         SELECT * FROM current
          WHERE weighed AND NOT voided AND measured_on >= $1 AND measured_on < $2 AND ${BALITA_IN_MONTH_SQL}
       ), chosen AS (
         SELECT DISTINCT ON (real_id) *, COALESCE(posyandu_code, '') AS posyandu
           FROM weighings ORDER BY real_id, measured_on DESC, measurement_id DESC
       )
       SELECT ${column === 'posyandu_code' ? 'posyandu' : column} AS code, ${NAMED_COUNTS}
         FROM chosen
        WHERE village_code LIKE $4 AND ($5::text IS NULL OR posyandu = $5)
        GROUP BY 1`,
      [
        start,
        end,
        request.asOf,
        villagePattern(request.regionCode),
        request.posyanduCode,
        regencyOf(request.regionCode),
      ],
    );
    return new Map(rows.map(({ code, ...counts }) => [code, counts]));
  }

  /**
   * K per place: the registered balita living there in the month (isBalitaIn: born by its end, a balita on its
   * first day; by where they live now), alive in it, not merged into another record. Now, a sum of the kept counts
   * per desa and birth month (balitaBirthMonths); `asOf`, the residents registered by then, counted at request time.
   */
  private async residents(request: SkdnRequest): Promise<Map<string, number>> {
    const column = GROUP_COLUMN[request.groupBy];
    const { from, to, partial } = balitaBirthMonths(request.month);
    const { rows } =
      request.asOf === null
        ? await this.store.pool.query<{ code: string; k: number }>(
            `SELECT ${column} AS code, sum(children)::int AS k
               FROM reporting_resident_counts
              WHERE ($1::text IS NULL OR regency_code = $1) AND village_code LIKE $2 AND died_month >= $3
                AND (birth_month BETWEEN $4 AND $3 OR (birth_month = $5 AND NOT first_day))
              GROUP BY 1 HAVING sum(children) > 0`,
            [
              regencyOf(request.regionCode),
              villagePattern(request.regionCode),
              periodNumber(to),
              periodNumber(from),
              partial === null ? null : periodNumber(partial),
            ],
          )
        : await this.store.pool.query<{ code: string; k: number }>(
            `SELECT ${column} AS code, count(*)::int AS k
               FROM reporting_skdn_residents
              WHERE ($1::text IS NULL OR regency_code = $1) AND village_code LIKE $2 AND NOT merged
                AND birth_date < $4 AND birth_date >= $6
                AND (died_on IS NULL OR died_on >= $3) AND registered_at <= $5
              GROUP BY 1`,
            [
              regencyOf(request.regionCode),
              villagePattern(request.regionCode),
              ...monthRange(request.month),
              request.asOf,
              earliestBalitaBirthDateIn(request.month),
            ],
          );
    return new Map(rows.map((row) => [row.code, row.k]));
  }
}
