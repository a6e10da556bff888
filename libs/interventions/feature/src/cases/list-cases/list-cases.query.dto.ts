import { ApiPropertyOptional } from '@nestjs/swagger';
import { REGENCY_CODE } from '@registry/access';
import { CASE_TYPES, type CaseType } from '@registry/interventions-domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

const toNumber = ({ value }: { value: unknown }) => (typeof value === 'string' && value !== '' ? Number(value) : value);
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export const CASE_STATUSES = ['open', 'closed', 'transferred'] as const;

export class ListCasesQuery {
  @ApiPropertyOptional({ example: '36.03', description: "Defaults to the caller's regency; national roles: all" })
  @IsOptional()
  @Matches(REGENCY_CODE, { message: 'regencyCode must be a kabupaten/kota code like 36.03' })
  regencyCode?: string;

  @ApiPropertyOptional({
    enum: CASE_STATUSES,
    description: 'open or closed: followed in the regency now; transferred: moved from it to another regency',
  })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `status must be one of ${CASE_STATUSES.join(', ')}` })
  status?: (typeof CASE_STATUSES)[number];

  @ApiPropertyOptional({ enum: CASE_TYPES })
  @IsOptional()
  @IsIn(CASE_TYPES, { message: `type must be one of ${CASE_TYPES.join(', ')}` })
  type?: CaseType;

  @ApiPropertyOptional({ description: 'The cases of one child' })
  @IsOptional()
  @IsUUID('all', { message: 'childId must be a child id (UUID)' })
  childId?: string;

  @ApiPropertyOptional({
    example: '0193f1c2-…,0193f1c3-…',
    description: 'The cases of up to 200 children, comma-separated (a page of a by-name list)',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @ArrayMaxSize(200, { message: 'childIds may hold at most 200 child ids' })
  @IsUUID('all', { each: true, message: 'childIds must be child ids (UUIDs), comma-separated' })
  childIds?: string[];

  @ApiPropertyOptional({ description: 'true: severe wasting, to refer for management of gizi buruk' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'urgent must be true or false' })
  urgent?: boolean;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
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
