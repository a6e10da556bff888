import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { RuleViolation } from '@registry/contracts';
import { parsePeriod } from '@registry/reporting-domain';
import { PrevalenceQuery } from '../prevalence.query';
import { minimumCell, publicView } from '../public-rows';
import { reportRegion } from '../report-scope';
import { INDICATOR_ROUTES, type PrevalenceRequestQuery } from './report-prevalence.request.dto';

/** One indicator's prevalence per wilayah for a period, within the caller's region, public or complete. */
@Injectable()
export class ReportPrevalenceHandler {
  constructor(private readonly prevalence: PrevalenceQuery) {}

  async report(principal: Principal, route: string, query: PrevalenceRequestQuery) {
    const indicator = INDICATOR_ROUTES[route];
    if (!indicator)
      throw new RuleViolation(
        'malformed',
        'indicator',
        `unknown report ${route}: use ${Object.keys(INDICATOR_ROUTES).join(', ')}`,
      );
    const period = parsePeriod(query.period);
    if (!period) throw new RuleViolation('malformed', 'period', 'must be a year (2025) or a month (2025-08)');
    const regionCode = reportRegion(principal, query.regencyCode);
    const rows = await this.prevalence.run({
      indicator,
      groupBy: query.groupBy,
      period,
      ageGroup: query.ageGroup,
      regionCode,
      asOf: query.asOf ? new Date(query.asOf) : null,
    });
    return {
      indicator,
      period: period.label,
      ageGroup: query.ageGroup,
      groupBy: query.groupBy,
      regionCode,
      asOf: query.asOf ?? null,
      suppressedBelow: query.public ? minimumCell() : 0,
      rows: query.public ? rows.map((row) => publicView(row, indicator, minimumCell())) : rows,
    };
  }
}
