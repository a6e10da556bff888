import { BadRequestException, Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { parsePeriod, type AgeGroup, type IndicatorName } from '@registry/reporting-domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PrevalenceQuery, type GroupBy } from './prevalence.query';
import { minimumCell, publicView } from './public-rows';
import { reportRegion } from './report-scope';

export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export class PrevalenceRequestQuery {
  @ApiPropertyOptional({
    enum: ['province', 'regency', 'district', 'village', 'puskesmas', 'posyandu'],
    default: 'regency',
    description: "posyandu: where each child's counted measurement was taken ('' for one taken at no posyandu)",
  })
  @IsOptional()
  @IsIn(['province', 'regency', 'district', 'village', 'puskesmas', 'posyandu'], {
    message: 'groupBy must be province, regency, district, village, puskesmas or posyandu',
  })
  groupBy: Exclude<GroupBy, 'month'> = 'regency';

  @ApiPropertyOptional({
    example: '36.03',
    description: 'Limit to one region (any level); a TPPS defaults to its own regency',
  })
  @IsOptional()
  @Matches(REGION_CODE, { message: 'regencyCode must be a Kemendagri region code like 36.03' })
  regencyCode?: string;

  @ApiPropertyOptional({ example: '2025', description: 'A year (2025) or a month (2025-08)' })
  @Matches(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'period must be a year (2025) or a month (2025-08)' })
  period: string;

  @ApiPropertyOptional({ enum: ['baduta', 'balita'], default: 'balita' })
  @IsOptional()
  @IsIn(['baduta', 'balita'], { message: 'ageGroup must be baduta (0–23 months) or balita (0–59 months)' })
  ageGroup: AgeGroup = 'balita';

  @ApiPropertyOptional({
    example: '2025-12-31T23:59:59+07:00',
    description: 'Answer as the registry knew it at this instant',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 instant, e.g. 2025-12-31T23:59:59+07:00' })
  asOf?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      "true: small cells blanked (null) as in the public CSV export — a number measured below REPORT_MIN_CELL, and a row's classes and percentage where any class is small",
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'public must be true or false' })
  public = false;
}

const INDICATOR_ROUTES: Record<string, IndicatorName> = {
  'stunting-prevalence': 'stunting',
  'wasting-prevalence': 'wasting',
  'underweight-prevalence': 'underweight',
};

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class PrevalenceHttpController {
  constructor(private readonly prevalence: PrevalenceQuery) {}

  @Get(':indicator')
  @Access('tpps', 'statistician', 'admin')
  @ApiParam({ name: 'indicator', enum: Object.keys(INDICATOR_ROUTES) })
  @ApiOperation({
    summary: 'Prevalence per wilayah for a period: each child once (latest valid measurement), flagged excluded',
  })
  async report(
    @CurrentPrincipal() principal: Principal,
    @Param('indicator') route: string,
    @Query() query: PrevalenceRequestQuery,
  ) {
    const indicator = INDICATOR_ROUTES[route];
    if (!indicator)
      throw new BadRequestException(`unknown report ${route}: use ${Object.keys(INDICATOR_ROUTES).join(', ')}`);
    const period = parsePeriod(query.period);
    if (!period) throw new BadRequestException('period must be a year (2025) or a month (2025-08)');
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
