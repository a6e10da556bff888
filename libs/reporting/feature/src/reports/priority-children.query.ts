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

/**
 * Each reason as SQL over s (reporting_child_status), the same rule as the domain's priorityReasons (the e2e test
 * checks each listed child's reasons against it); $2 is notWeighedBefore(today), $3 today.
 */
const REASON_SQL: Record<PriorityReason, string> = {
  severely_wasted: `s.whz_class = '${wasting.classes.severelyWasted}'`,
  bgm: 's.bgm',
  wasted: `s.whz_class = '${wasting.classes.wasted}'`,
  severely_stunted: `s.haz_class = '${stunting.classes.severelyStunted}'`,
  stunted: `s.haz_class = '${stunting.classes.stunted}'`,
  two_t: 's.consecutive_t >= 2',
  not_weighed: `(s.last_weighed_on < $2 AND $3::date - s.birth_date <= ${MAX_AGE_DAYS.balita})`,
};

const RANK_SQL = `CASE ${PRIORITY_REASONS.map((reason, rank) => `WHEN ${REASON_SQL[reason]} THEN ${rank}`).join(' ')} END`;

/**
 * The by-name list from the child-status read model: one row per child, filtered by place and reason, most urgent
 * first (the reasons' rank, then the lowest height-for-age), a page at a time with the total.
 */
@Injectable()
export class PriorityChildrenQuery {
  constructor(private readonly store: EventStore) {}

  async page(filter: PriorityFilter): Promise<{ total: number; rows: PriorityRow[] }> {
    const params: unknown[] = [filter.regencyCode, notWeighedBefore(filter.today), filter.today];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['s.alive', 's.regency_code = $1'];
    if (filter.districtCode !== null) where.push(`s.district_code = ${param(filter.districtCode)}`);
    if (filter.villageCode !== null) where.push(`s.village_code = ${param(filter.villageCode)}`);
    if (filter.posyanduCode !== null) where.push(`s.posyandu_code = ${param(filter.posyanduCode)}`);
    where.push(
      filter.reason !== null
        ? REASON_SQL[filter.reason]
        : `(${PRIORITY_REASONS.map((reason) => REASON_SQL[reason]).join(' OR ')})`,
    );
    const { rows } = await this.store.pool.query<PriorityRow & { total: number }>(
      // The sponsor is looked up for the page's rows only.
      `SELECT l.*, EXISTS (SELECT 1 FROM reporting_sponsorships p WHERE p.child_id = l.child_id AND p.status = 'pledged') AS has_sponsor
         FROM (SELECT s.child_id, to_char(s.birth_date, 'YYYY-MM-DD') AS birth_date, s.village_code, s.district_code,
                      s.posyandu_code, s.measurement_id, to_char(s.measured_on, 'YYYY-MM-DD') AS measured_on,
                      s.haz, s.haz_class, s.whz, s.whz_class, to_char(s.last_weighed_on, 'YYYY-MM-DD') AS last_weighed_on,
                      s.consecutive_t, s.bgm, ${RANK_SQL} AS rank, count(*) OVER ()::int AS total
                 FROM reporting_child_status s
                WHERE ${where.join(' AND ')}
                ORDER BY rank, s.haz ASC NULLS LAST, s.child_id
                LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}) l
        ORDER BY l.rank, l.haz ASC NULLS LAST, l.child_id`,
      params,
    );
    if (rows.length > 0 || filter.offset === 0) return { total: rows[0]?.total ?? 0, rows };
    // A page past the end still says how many there are.
    return this.page({ ...filter, offset: 0, limit: 1 }).then(({ total }) => ({ total, rows: [] }));
  }
}
