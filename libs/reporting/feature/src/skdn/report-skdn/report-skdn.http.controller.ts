import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { Regions } from '@registry/regions';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ApiRefusals } from '@registry/platform';
import { RegionAsOfQuery } from '../region-as-of.query';
import { invalidRegion } from '../../reports/report-errors';
import { reportRegion } from '../../reports/report-scope';
import { SkdnQuery, type SkdnGroupBy, type SkdnRow } from './skdn.query';
import { SkdnReportResponse } from './report-skdn.response.dto';

const GROUPS: SkdnGroupBy[] = ['regency', 'district', 'village', 'puskesmas', 'posyandu'];

export class ReportSkdnQuery extends RegionAsOfQuery {
  @ApiPropertyOptional({ example: '2026-08', description: 'The month (SKDN is monthly)' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a month like 2026-08' })
  period: string;

  @ApiPropertyOptional({ example: 'PSY-3603202002-01', description: 'Only the weighings of this posyandu' })
  @IsOptional()
  @Matches(/^\S{1,40}$/, { message: 'posyanduCode must be the code measurements carry, without spaces' })
  posyanduCode?: string;

  @ApiPropertyOptional({ enum: GROUPS, default: 'village' })
  @IsOptional()
  @IsIn(GROUPS, { message: `groupBy must be ${GROUPS.join(', ')}` })
  groupBy: SkdnGroupBy = 'village';
}

/**
 * The posyandu's monthly scorecard per place: S, K, D, N, T, 2T, O, B, BGM and K/S, D/S, N/D, N/(N+T), BGM/D. S and K
 * are counted by residence, so a posyandu or puskesmas row has none (null).
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class ReportSkdnHttpController {
  constructor(
    private readonly query: SkdnQuery,
    private readonly regions: Regions,
  ) {}

  @Get('skdn')
  @Access('tpps', 'statistician', 'admin')
  @ApiOperation({ summary: 'SKDN per desa, kecamatan, puskesmas or posyandu for a month, as known now or asOf' })
  @ApiOkResponse({ type: SkdnReportResponse })
  @ApiRefusals(
    { status: 404, description: 'A region outside your regency' },
    { status: 422, description: 'Unknown region code' },
  )
  async skdn(
    @CurrentPrincipal() principal: Principal,
    @Query() request: ReportSkdnQuery,
  ): Promise<{
    period: string;
    groupBy: SkdnGroupBy;
    regionCode: string | null;
    asOf: string | null;
    rows: SkdnRow[];
  }> {
    const regionCode = reportRegion(principal, request.regionCode);
    if (regionCode !== null && !this.regions.find(regionCode)) throw invalidRegion(regionCode);
    const asOf = request.asOf === undefined ? null : new Date(request.asOf);
    const rows = await this.query.run({
      month: request.period,
      groupBy: request.groupBy,
      regionCode,
      posyanduCode: request.posyanduCode ?? null,
      asOf,
    });
    return { period: request.period, groupBy: request.groupBy, regionCode, asOf: asOf?.toISOString() ?? null, rows };
  }
}
