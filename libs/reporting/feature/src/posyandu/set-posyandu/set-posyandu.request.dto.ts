import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoControlCharacters } from '@registry/platform';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value);
/** As intake accepts a posyandu or puskesmas code on a measurement. */
export const FACILITY_CODE = /^[A-Za-z0-9._-]{1,40}$/;

export class SetPosyanduRequest {
  @ApiProperty({ example: 'Posyandu Mawar' })
  @Transform(trim)
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
