import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { VILLAGE_CODE } from '../register-child/register-child.request.dto';

export class FindChildrenQuery {
  @ApiPropertyOptional({ example: '3603204103240001', description: 'Find the child holding this NIK' })
  @IsOptional()
  @Matches(/^\d{16}$/, { message: 'nik must be exactly 16 digits' })
  nik?: string;

  @ApiPropertyOptional({
    example: '0193f1c2-…,0193f1c3-…',
    description: 'Up to 500 child ids, comma-separated (a by-name list)',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @ArrayMaxSize(500, { message: 'ids may hold at most 500 child ids' })
  @IsUUID('all', { each: true, message: 'ids must be child ids (UUIDs), comma-separated' })
  ids?: string[];

  @ApiPropertyOptional({ example: '36.03.20.2002', description: 'Search within one desa (with name)' })
  @IsOptional()
  @Matches(VILLAGE_CODE, { message: 'villageCode must be a desa/kelurahan code like 36.03.20.2002' })
  villageCode?: string;

  @ApiPropertyOptional({
    example: 'putri',
    description: 'Part of the name, case and spacing ignored (with villageCode)',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(2, 100, { message: 'name must be 2–100 characters' })
  name?: string;
}
