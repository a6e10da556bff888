import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { CLOCK, type Clock, RuleViolation } from '@registry/contracts';
import { parsePeriod, toAdx, toDataValueSet, type DataValueSet } from '@registry/reporting-domain';
import { minimumCell } from '../public-rows';
import { reportRegion } from '../report-scope';
import { ExportAggregateQuery, type ExportAggregateRequest } from './export-aggregate.query';
import type { ExportAggregateRequestQuery } from './export-aggregate.request.dto';

/**
 * The aggregate exports for national systems (issue #28): stunting, wasting and underweight, measured and cases, per
 * place and period by age group and sex, as ADX or as a DHIS2 dataValueSet with codes for identifiers. The codes are
 * the README's mapping table (aggregate-exchange.ts); the totals are the CSV export's figures.
 */
@Injectable()
export class ExportAggregateHandler {
  constructor(
    private readonly query: ExportAggregateQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async adx(principal: Principal, query: ExportAggregateRequestQuery): Promise<string> {
    const request = this.request(principal, query);
    const values = await this.query.run(request);
    return toAdx(values, {
      period: request.period,
      exported: this.clock(),
      suppressedBelow: request.minimum ?? 0,
      asOf: query.asOf ?? null,
    });
  }

  async dataValueSets(principal: Principal, query: ExportAggregateRequestQuery): Promise<DataValueSet> {
    const request = this.request(principal, query);
    return toDataValueSet(await this.query.run(request), request.period);
  }

  private request(principal: Principal, query: ExportAggregateRequestQuery): ExportAggregateRequest {
    const period = parsePeriod(query.period);
    if (!period)
      throw new RuleViolation('malformed', 'period', 'must be a year (2026), a quarter (2026Q3) or a month (2026-08)');
    return {
      period,
      level: query.level,
      regionCode: reportRegion(principal, query.regionCode),
      asOf: query.asOf ? new Date(query.asOf) : null,
      minimum: query.public ? minimumCell() : null,
    };
  }
}
