import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { VILLAGE_CODE } from '../register-child/register-child.request.dto';

export class FindChildrenQuery {
  @ApiPropertyOptional({ example: '3603204103240001', description: 'Find the child holding this NIK' })
  @IsOptional()
  @Matches(/^\d{16}$/, { message: 'nik must be exactly 16 digits' })
  nik?: string;

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
