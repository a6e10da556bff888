import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { RuleViolation } from '@registry/contracts';
import { levelOfCode } from '@registry/regions';
import { parsePeriod } from '@registry/reporting-domain';
import { IncidenceQuery } from '../../skdn/report-incidence/incidence.query';
import { PrevalenceQuery } from '../prevalence.query';
import { reportRegion } from '../report-scope';
import type { TrendRequestQuery } from './report-trend.request.dto';

/** A region's monthly stunting prevalence over a range, beside its target line and its new cases. */
@Injectable()
export class ReportTrendHandler {
  constructor(
    private readonly prevalence: PrevalenceQuery,
    private readonly incidence: IncidenceQuery,
  ) {}

  async trend(principal: Principal, query: TrendRequestQuery) {
    if (query.from > query.to) throw new RuleViolation('malformed', 'from', 'must not be after to');
    const months = monthsBetween(query.from, query.to);
    if (months.length > 120) throw new RuleViolation('malformed', 'to', 'a trend covers at most 120 months');
    const regionCode = reportRegion(principal, query.regionCode)!;
    // Each month read from the prevalence aggregate (the same figures as the exact path, see PrevalenceQuery): twelve
    // small reads instead of one scan of every measurement version of the range, which took seconds at 50,000
    // children.
    const level = levelOfCode(regionCode);
    if (!level) throw new RuleViolation('malformed', 'regionCode', `${regionCode} is not a Kemendagri region code`);
    const byMonth = new Map(
      await Promise.all(
        months.map(async (month) => {
          const [row] = await this.prevalence.run({
            indicator: 'stunting',
            groupBy: level,
            period: parsePeriod(month)!,
            ageGroup: query.ageGroup,
            regionCode,
            asOf: null,
          });
          return [month, row] as const;
        }),
      ),
    );
    const incidence = await this.incidence.monthly('stunting', regionCode, query.from, query.to);
    const years = [...new Set(months.map((month) => Number(month.slice(0, 4))))];
    const targets = new Map(
      await Promise.all(
        years.map(async (year) => [year, (await this.prevalence.targets([regionCode], year)).get(regionCode)] as const),
      ),
    );
    return {
      regionCode,
      ageGroup: query.ageGroup,
      series: months.map((month) => {
        const row = byMonth.get(month);
        return {
          month,
          measured: row?.measured ?? 0,
          stunted: row?.cases ?? 0,
          prevalencePct: row?.prevalencePct ?? null,
          // Incidence beside prevalence: measured at or above −2 the month before, below it now.
          atRisk: incidence.get(month)?.atRisk ?? 0,
          newlyStunted: incidence.get(month)?.newCases ?? 0,
          targetPrevalencePct: targets.get(Number(month.slice(0, 4)))?.prevalencePct ?? null,
        };
      }),
    };
  }
}

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (
    let [year, month] = from.split('-').map(Number);
    `${year}-${String(month).padStart(2, '0')}` <= to;
    month === 12 ? ((month = 1), (year += 1)) : (month += 1)
  ) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  return months;
}
