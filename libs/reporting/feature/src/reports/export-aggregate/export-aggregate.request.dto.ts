import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ExportRequestQuery } from '../export-prevalence/export-prevalence.request.dto';
import { REGION_CODE } from '../report-scope';

export const EXPORT_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export type ExportLevel = (typeof EXPORT_LEVELS)[number];

/**
 * The query of both aggregate exports (ADX and DHIS2 dataValueSets): `public` and `asOf` as the CSV export takes them,
 * a quarter besides a year or a month, and the level of the places.
 */
export class ExportAggregateRequestQuery extends PickType(ExportRequestQuery, ['public', 'asOf'] as const) {
  @ApiProperty({ example: '2026Q3', description: 'A year (2026), a calendar quarter (2026Q3) or a month (2026-08)' })
  @Matches(/^\d{4}(-(0[1-9]|1[0-2])|Q[1-4])?$/, {
    message: 'period must be a year (2026), a quarter (2026Q3) or a month (2026-08)',
  })
  period: string;

  @ApiPropertyOptional({
    enum: EXPORT_LEVELS,
    default: 'regency',
    description: 'The org units: Kemendagri codes of this level',
  })
  @IsOptional()
  @IsIn(EXPORT_LEVELS, { message: 'level must be province, regency, district or village' })
  level: ExportLevel = 'regency';

  @ApiPropertyOptional({ example: '36.03', description: 'Only the places inside this region (any level)' })
  @IsOptional()
  @Matches(REGION_CODE, { message: 'regionCode must be a Kemendagri region code like 36.03' })
  regionCode?: string;
}
