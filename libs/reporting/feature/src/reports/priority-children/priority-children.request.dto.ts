import { ApiPropertyOptional } from '@nestjs/swagger';
import { PRIORITY_REASONS, type PriorityReason } from '@registry/reporting-domain';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const toNumber = ({ value }: { value: unknown }) => (typeof value === 'string' && value !== '' ? Number(value) : value);

export class PriorityChildrenRequest {
  @ApiPropertyOptional({ example: '36.03' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}$/, { message: 'regencyCode must be a kabupaten/kota code like 36.03' })
  regencyCode?: string;

  @ApiPropertyOptional({ example: '36.03.20' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}\.\d{2}$/, { message: 'districtCode must be a kecamatan code like 36.03.20' })
  districtCode?: string;

  @ApiPropertyOptional({ example: '36.03.20.2002' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, { message: 'villageCode must be a desa/kelurahan code like 36.03.20.2002' })
  villageCode?: string;

  @ApiPropertyOptional({ example: 'PSY-3603202002-01', description: 'The posyandu of the child’s latest measurement' })
  @IsOptional()
  @Matches(/^\S{1,64}$/, { message: 'posyanduCode must be a posyandu code without spaces, e.g. PSY-3603202002-01' })
  posyanduCode?: string;

  @ApiPropertyOptional({ enum: PRIORITY_REASONS, description: 'Only the children with this reason' })
  @IsOptional()
  @IsIn(PRIORITY_REASONS, { message: `reason must be one of ${PRIORITY_REASONS.join(', ')}` })
  reason?: PriorityReason;

  @ApiPropertyOptional({ default: 50, maximum: 1000 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(1000, { message: 'limit must be at most 1000' })
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Transform(toNumber)
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0, { message: 'offset must be 0 or more' })
  offset?: number;
}
