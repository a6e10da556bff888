import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AgeGroup } from '@registry/reporting-domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';

/** Cells with fewer children than this are blanked in public exports (REPORT_MIN_CELL). */
export class ExportRequestQuery {
  @ApiProperty({ example: '2025' })
  @Matches(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'period must be a year (2025) or a month (2025-08)' })
  period: string;

  @ApiPropertyOptional({ enum: ['baduta', 'balita'], default: 'balita' })
  @IsOptional()
  @IsIn(['baduta', 'balita'], { message: 'ageGroup must be baduta or balita' })
  ageGroup: AgeGroup = 'balita';

  @ApiPropertyOptional({
    default: true,
    description:
      'Public exports blank a small number measured, and the classes and percentages of a row where any class is small; internal ones (false) are complete',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'public must be true or false' })
  public = true;

  @ApiPropertyOptional({
    example: '2025-12-31T23:59:59+07:00',
    description: 'The figures as the registry knew them at this instant (a published figure reproduced)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 instant, e.g. 2025-12-31T23:59:59+07:00' })
  asOf?: string;
}
