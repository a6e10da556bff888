import { Injectable } from '@nestjs/common';
import { EventStore } from '@registry/event-store';
import {
  INDICATORS,
  MAX_AGE_DAYS,
  notWeighedBefore,
  PRIORITY_REASONS,
  type PriorityReason,
} from '@registry/reporting-domain';

const { stunting, wasting } = INDICATORS;

export interface PriorityFilter {
  readonly regencyCode: string;
  readonly districtCode: string | null;
  readonly villageCode: string | null;
  readonly posyanduCode: string | null;
  /** Only children with this reason; null: any reason. */
  readonly reason: PriorityReason | null;
  readonly today: string;
  readonly limit: number;
  readonly offset: number;
}

export interface PriorityRow {
  readonly child_id: string;
  readonly birth_date: string;
  readonly village_code: string;
  readonly district_code: string;
  readonly posyandu_code: string | null;
  readonly measurement_id: string | null;
  readonly measured_on: string | null;
  readonly haz: string | null;
  readonly haz_class: string | null;
  readonly whz: string | null;
  readonly whz_class: string | null;
  readonly last_weighed_on: string | null;
  readonly consecutive_t: number;
  readonly bgm: boolean;
  readonly has_sponsor: boolean;
}

/** Adds a query parameter and answers its placeholder ($n). */
type Bind = (value: unknown) => string;

/**
 * Each reason as SQL over s (reporting_child_status), the same rule as the domain's priorityReasons (the e2e test
 * checks each listed child's reasons against it). Only the day-dependent one binds parameters, so a statement
 * holds none it does not use.
 */
const REASON_SQL: Record<PriorityReason, (bind: Bind, today: string) => string> = {
  severely_wasted: () => `s.whz_class = '${wasting.classes.severelyWasted}'`,
  bgm: () => 's.bgm',
  wasted: () => `s.whz_class = '${wasting.classes.wasted}'`,
  severely_stunted: () => `s.haz_class = '${stunting.classes.severelyStunted}'`,
  stunted: () => `s.haz_class = '${stunting.classes.stunted}'`,
  two_t: () => 's.consecutive_t >= 2',
  not_weighed: (bind, today) =>
    `(s.last_weighed_on < ${bind(notWeighedBefore(today))}::date
      AND ${bind(today)}::date - s.birth_date <= ${MAX_AGE_DAYS.balita})`,
};

/**
 * The by-name list from the child-status read model: one row per child, filtered by place and reason, most urgent
 * first (the reasons' rank, then the lowest height-for-age), a page at a time with the total. The rank is the row's
 * kept `urgency` (every reason but not_weighed, which depends on the day; a child listed only for it has none and
 * sorts last, as its rank is last), so a page is read off reporting_child_status_order_idx and the total is a count
 * apart, not a window over every listed child.
 */
@Injectable()
export class PriorityChildrenQuery {
  constructor(private readonly store: EventStore) {}

  async page(filter: PriorityFilter): Promise<{ total: number; rows: PriorityRow[] }> {
    const params: unknown[] = [filter.regencyCode];
    const param: Bind = (value) => `$${params.push(value)}`;
    const where = ['s.alive', 's.regency_code = $1'];
    if (filter.districtCode !== null) where.push(`s.district_code = ${param(filter.districtCode)}`);
    if (filter.villageCode !== null) where.push(`s.village_code = ${param(filter.villageCode)}`);
    if (filter.posyanduCode !== null) where.push(`s.posyandu_code = ${param(filter.posyanduCode)}`);
    where.push(
      filter.reason !== null
        ? REASON_SQL[filter.reason](param, filter.today)
        : `(${PRIORITY_REASONS.map((reason) => REASON_SQL[reason](param, filter.today)).join(' OR ')})`,
    );
    const filterParams = [...params];
    const [counted, listed] = await Promise.all([
      this.store.pool.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM reporting_child_status s WHERE ${where.join(' AND ')}`,
        filterParams,
      ),
      this.store.pool.query<PriorityRow>(
        // The sponsor is looked up for the page's rows only.
        `SELECT s.child_id, to_char(s.birth_date, 'YYYY-MM-DD') AS birth_date, s.village_code, s.district_code,
                s.posyandu_code, s.measurement_id, to_char(s.measured_on, 'YYYY-MM-DD') AS measured_on,
                s.haz, s.haz_class, s.whz, s.whz_class, to_char(s.last_weighed_on, 'YYYY-MM-DD') AS last_weighed_on,
                s.consecutive_t, s.bgm,
                EXISTS (SELECT 1 FROM reporting_sponsorships p WHERE p.child_id = s.child_id AND p.status = 'pledged')
                  AS has_sponsor
           FROM reporting_child_status s
          WHERE ${where.join(' AND ')}
          ORDER BY s.urgency NULLS LAST, s.haz NULLS LAST, s.child_id
          LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
        params,
      ),
    ]);
    return { total: counted.rows[0]?.total ?? 0, rows: listed.rows };
  }
}
