import { BadRequestException, Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { CLOCK, type Clock } from '@registry/contracts';
import { parsePeriod, toAdx, toDataValueSet, type DataValueSet } from '@registry/reporting-domain';
import { minimumCell } from '../public-rows';
import { reportRegion } from '../report-scope';
import { ExportAggregateQuery, type ExportAggregateRequest } from './export-aggregate.query';
import { ExportAggregateRequestQuery } from './export-aggregate.request.dto';

/**
 * The aggregate exports for national systems (issue #28): stunting, wasting and underweight, measured and cases, per
 * place and period by age group and sex, as ADX or as a DHIS2 dataValueSet with codes for identifiers. The codes are
 * the README's mapping table (aggregate-exchange.ts); the totals are the CSV export's figures.
 */
const PUBLIC_RULE =
  'public=true (the default) leaves out what the public CSV blanks (REPORT_MIN_CELL), and a sex whenever the other ' +
  'sex is left out: the total minus one sex would give it back';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/exports')
export class ExportAggregateHttpController {
  constructor(
    private readonly query: ExportAggregateQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('adx')
  @Access('statistician', 'admin')
  @ApiProduces('application/adx+xml')
  @ApiOperation({
    summary: 'Stunting, wasting and underweight counts per place and period as ADX (IHE QRPH)',
    description: PUBLIC_RULE,
  })
  async adx(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExportAggregateRequestQuery,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ): Promise<string> {
    const request = this.request(principal, query);
    const values = await this.query.run(request);
    // Set here, not by @Header: a refused request is then answered as JSON, not as JSON labelled ADX.
    response.setHeader('content-type', 'application/adx+xml; charset=utf-8');
    return toAdx(values, {
      period: request.period,
      exported: this.clock(),
      suppressedBelow: request.minimum ?? 0,
      asOf: query.asOf ?? null,
    });
  }

  @Get('dhis2/data-value-sets')
  @Access('statistician', 'admin')
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'A DHIS2 dataValueSets payload, identifiers as codes (idScheme CODE)' })
  @ApiOperation({
    summary: 'Stunting, wasting and underweight counts per place and period as DHIS2 dataValueSets',
    description: PUBLIC_RULE,
  })
  async dataValueSets(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExportAggregateRequestQuery,
  ): Promise<DataValueSet> {
    const request = this.request(principal, query);
    return toDataValueSet(await this.query.run(request), request.period);
  }

  private request(principal: Principal, query: ExportAggregateRequestQuery): ExportAggregateRequest {
    const period = parsePeriod(query.period);
    if (!period) throw new BadRequestException('period must be a year (2026), a quarter (2026Q3) or a month (2026-08)');
    return {
      period,
      level: query.level,
      regionCode: reportRegion(principal, query.regionCode),
      asOf: query.asOf ? new Date(query.asOf) : null,
      minimum: query.public ? minimumCell() : null,
    };
  }
}
