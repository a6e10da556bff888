import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { REGION_CODE } from '../prevalence.http.controller';

export const EXPORT_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export type ExportLevel = (typeof EXPORT_LEVELS)[number];

/** The query of both aggregate exports (ADX and DHIS2 dataValueSets). */
export class ExportAggregateRequestQuery {
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

  @ApiPropertyOptional({
    default: true,
    description:
      'Small cells left out as the public CSV blanks them (REPORT_MIN_CELL), and a sex left out when the other is; false: complete',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'public must be true or false' })
  public = true;

  @ApiPropertyOptional({
    example: '2026-09-30T23:59:59+07:00',
    description: 'The figures as the registry knew them at this instant (a published figure reproduced)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 instant, e.g. 2026-09-30T23:59:59+07:00' })
  asOf?: string;
}
