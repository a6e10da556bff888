import { Inject, Injectable } from '@nestjs/common';
import { ageInMonths } from '@registry/anthropometry';
import type { Principal } from '@registry/access';
import { CLOCK, type Clock, RuleViolation, todayInIndonesia } from '@registry/contracts';
import { daysBetween, priorityReasons } from '@registry/reporting-domain';
import { Regions } from '@registry/regions';
import { reportRegion } from '../report-scope';
import { CasesAndNamesClient, type CaseSummary } from './cases-and-names.client';
import { PriorityChildrenQuery, type PriorityRow } from './priority-children.query';
import type { PriorityChildrenRequest } from './priority-children.request.dto';

/**
 * "By name, by address, by problem": the children of the regency a TPPS must follow up — stunted or wasted by their
 * latest valid measurement, 2T or BGM at their latest weighing, or not weighed for two months — a page at a time,
 * most urgent first, each with its reasons, how long since it was measured, its open cases and what of the package
 * it still lacks (from the intervention service), whether a sponsor exists, and, for the TPPS only, its name and
 * address (from the identity service, which records the access).
 */
@Injectable()
export class PriorityChildrenHandler {
  constructor(
    private readonly query: PriorityChildrenQuery,
    private readonly services: CasesAndNamesClient,
    private readonly regions: Regions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(principal: Principal, request: PriorityChildrenRequest, authorization: string) {
    const place = request.villageCode ?? request.districtCode ?? request.regencyCode;
    const region = reportRegion(principal, place);
    if (region === null)
      throw new RuleViolation(
        'malformed',
        'regencyCode',
        'is required: the by-name list covers one kabupaten, e.g. regencyCode=36.03',
      );
    const regencyCode = region.slice(0, 5);
    const today = todayInIndonesia(this.clock());
    const limit = request.limit ?? 50;
    const offset = request.offset ?? 0;
    const { total, rows } = await this.query.page({
      regencyCode,
      districtCode: request.districtCode ?? null,
      villageCode: request.villageCode ?? null,
      posyanduCode: request.posyanduCode ?? null,
      reason: request.reason ?? null,
      today,
      limit,
      offset,
    });
    const childIds = rows.map((row) => row.child_id);
    const warnings: string[] = [];
    // The two services are asked together: the page waits for the slower, not for both.
    const [cases, people] = await Promise.all([
      this.services.openCases(regencyCode, childIds, authorization).catch((error: Error) => {
        warnings.push(`cases unavailable: ${error.message}`);
        return null;
      }),
      principal.role === 'tpps' && childIds.length > 0
        ? this.services.names(childIds, authorization).catch((error: Error) => {
            warnings.push(`names unavailable: ${error.message}`);
            return null;
          })
        : null,
    ]);
    return {
      regencyCode,
      districtCode: request.districtCode ?? null,
      villageCode: request.villageCode ?? null,
      posyanduCode: request.posyanduCode ?? null,
      reason: request.reason ?? null,
      today,
      total,
      limit,
      offset,
      warnings,
      items: rows.map((row) => this.item(row, today, cases, people)),
    };
  }

  private item(
    row: PriorityRow,
    today: string,
    cases: Map<string, CaseSummary[]> | null,
    people: Map<string, unknown> | null,
  ) {
    const lastSeen = [row.measured_on, row.last_weighed_on]
      .filter((day): day is string => day !== null)
      .sort()
      .at(-1);
    return {
      childId: row.child_id,
      reasons: priorityReasons(
        {
          birthDate: row.birth_date,
          heightForAgeClass: row.haz_class,
          weightForHeightClass: row.whz_class,
          lastWeighedOn: row.last_weighed_on,
          consecutiveT: row.consecutive_t,
          bgm: row.bgm,
        },
        today,
      ),
      // Completed months as WHO counts them, as every age in the registry.
      ageMonths: Math.floor(ageInMonths(daysBetween(row.birth_date, today))),
      residence: {
        villageCode: row.village_code,
        villageName: this.regions.find(row.village_code)?.name ?? null,
        districtCode: row.district_code,
        districtName: this.regions.find(row.district_code)?.name ?? null,
      },
      posyanduCode: row.posyandu_code,
      latestMeasurement:
        row.measurement_id === null
          ? null
          : {
              id: row.measurement_id,
              measuredOn: row.measured_on,
              heightForAge: row.haz === null ? null : Number(row.haz),
              weightForHeight: row.whz === null ? null : Number(row.whz),
              heightForAgeClass: row.haz_class,
              weightForHeightClass: row.whz_class,
            },
      lastWeighing: { weighedOn: row.last_weighed_on, consecutiveT: row.consecutive_t, bgm: row.bgm },
      daysSinceLastMeasured: lastSeen === undefined ? null : daysBetween(lastSeen, today),
      openCases: cases === null ? null : (cases.get(row.child_id) ?? []).map(({ childId: _child, ...rest }) => rest),
      hasSponsor: row.has_sponsor,
      person: people === null ? null : (people.get(row.child_id) ?? null),
    };
  }
}
