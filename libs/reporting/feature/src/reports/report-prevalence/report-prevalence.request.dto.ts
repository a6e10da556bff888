import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AgeGroup, IndicatorName } from '@registry/reporting-domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import type { GroupBy } from '../prevalence.query';
import { REGION_CODE } from '../report-scope';

/** The path's report name for each indicator: GET /v1/reports/stunting-prevalence. */
export const INDICATOR_ROUTES: Record<string, IndicatorName> = {
  'stunting-prevalence': 'stunting',
  'wasting-prevalence': 'wasting',
  'underweight-prevalence': 'underweight',
};

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
