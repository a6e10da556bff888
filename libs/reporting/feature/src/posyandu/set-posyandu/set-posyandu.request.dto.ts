import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoControlCharacters, collapseSpaces, FACILITY_CODE } from '@registry/platform';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class SetPosyanduRequest {
  @ApiProperty({ example: 'Posyandu Mawar' })
  @Transform(collapseSpaces)
  @IsString({ message: 'name must be text' })
  @NoControlCharacters()
  @Length(2, 120, { message: 'name must be 2–120 characters after trimming' })
  name: string;

  @ApiProperty({ example: '36.03.20.2002', description: 'The desa (Kemendagri code) the posyandu serves' })
  @Matches(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, { message: 'villageCode must be a desa code like 36.03.20.2002' })
  villageCode: string;

  @ApiPropertyOptional({ example: 'P3603200101', description: 'The puskesmas that oversees it, as on measurements' })
  @IsOptional()
  @Matches(FACILITY_CODE, { message: 'puskesmasCode must be 1–40 letters, digits, dots, dashes or underscores' })
  puskesmasCode?: string;
}
