import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { Regions } from '@registry/regions';
import { parsePeriod, type IndicatorName } from '@registry/reporting-domain';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Request } from 'express';
import { ApiRefusals } from '@registry/platform';
import { RegionAsOfQuery } from '../region-as-of.query';
import { invalidRegion } from '../../reports/report-errors';
import { reportRegion } from '../../reports/report-scope';
import { IncidenceQuery, type IncidenceGroupBy } from './incidence.query';
import { IncidenceReportResponse } from './report-incidence.response.dto';

const GROUPS: IncidenceGroupBy[] = ['regency', 'district', 'village', 'puskesmas', 'posyandu'];
const ROUTES: Record<string, IndicatorName> = {
  'stunting-incidence': 'stunting',
  'wasting-incidence': 'wasting',
  'underweight-incidence': 'underweight',
};

export class ReportIncidenceQuery extends RegionAsOfQuery {
  @ApiPropertyOptional({ example: '2026-08', description: 'A month, or a year (the sum of its months)' })
  @Matches(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'period must be a year (2026) or a month (2026-08)' })
  period: string;

  @ApiPropertyOptional({ enum: GROUPS, default: 'district' })
  @IsOptional()
  @IsIn(GROUPS, { message: `groupBy must be ${GROUPS.join(', ')}` })
  groupBy: IncidenceGroupBy = 'district';
}

/**
 * The children who became stunted (wasted, underweight) per place: at risk in a month (measured, and at or above −2
 * SD the month before they were last measured), and of those, below −2 in it.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class ReportIncidenceHttpController {
  constructor(
    private readonly query: IncidenceQuery,
    private readonly regions: Regions,
  ) {}

  @Get(Object.keys(ROUTES))
  @Access('tpps', 'statistician', 'admin')
  @ApiOperation({ summary: 'Incidence per wilayah for a month or a year: new cases among the children at risk' })
  @ApiOkResponse({ type: IncidenceReportResponse })
  @ApiRefusals(
    { status: 404, description: 'A region outside your regency' },
    { status: 422, description: 'Unknown region code' },
  )
  async incidence(
    @CurrentPrincipal() principal: Principal,
    @Query() request: ReportIncidenceQuery,
    @Req() http: Request,
  ) {
    const indicator = ROUTES[http.path.split('/').pop()!];
    const period = parsePeriod(request.period)!;
    const regionCode = reportRegion(principal, request.regionCode);
    if (regionCode !== null && !this.regions.find(regionCode)) throw invalidRegion(regionCode);
    const asOf = request.asOf === undefined ? null : new Date(request.asOf);
    const rows = await this.query.run({ indicator, period, groupBy: request.groupBy, regionCode, asOf });
    return {
      indicator,
      period: period.label,
      groupBy: request.groupBy,
      regionCode,
      asOf: asOf?.toISOString() ?? null,
      rows,
    };
  }
}
