import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AgeGroup } from '@registry/reporting-domain';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { REGION_CODE } from '../report-scope';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class TrendRequestQuery {
  @ApiProperty({ example: '36.03' })
  @Matches(REGION_CODE, { message: 'regionCode must be a Kemendagri region code like 36.03' })
  regionCode: string;

  @ApiProperty({ example: '2024-01' })
  @Matches(MONTH, { message: 'from must be a month YYYY-MM' })
  from: string;

  @ApiProperty({ example: '2025-12' })
  @Matches(MONTH, { message: 'to must be a month YYYY-MM' })
  to: string;

  @ApiPropertyOptional({ enum: ['baduta', 'balita'], default: 'balita' })
  @IsOptional()
  @IsIn(['baduta', 'balita'], { message: 'ageGroup must be baduta or balita' })
  ageGroup: AgeGroup = 'balita';
}
