import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, NoControlCharacters } from '@registry/platform';

const FACILITY_CODE = /^[A-Za-z0-9._-]{1,40}$/;

/** One visit's measurement. Physical ranges are checked by the WHO rules (422 naming the field). */
export class MeasurementValuesRequest {
  @ApiProperty({ example: '2025-08-12' })
  @IsCalendarDate({ message: 'measuredOn must be a real date YYYY-MM-DD' })
  measuredOn: string;

  @ApiPropertyOptional({ example: 9.4, description: 'kg' })
  @IsOptional()
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 },
    { message: 'weightKg must be a number of kilograms, e.g. 9.4' },
  )
  weightKg?: number;

  @ApiPropertyOptional({ example: 76.5, description: 'Length (lying) or height (standing), cm, as read' })
  @IsOptional()
  @IsNumber(
    { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 },
    { message: 'heightCm must be a number of centimetres, e.g. 76.5' },
  )
  heightCm?: number;

  @ApiProperty({ enum: ['lying', 'standing'] })
  @IsIn(['lying', 'standing'], { message: 'position must be "lying" (length) or "standing" (height)' })
  position: 'lying' | 'standing';

  @ApiPropertyOptional({ example: 45.1 })
  @IsOptional()
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'headCircumferenceCm must be a number of centimetres' },
  )
  headCircumferenceCm?: number;

  @ApiPropertyOptional({ example: 13.2, description: 'Mid-upper arm circumference (LiLA), cm' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'muacCm must be a number of centimetres' })
  @Min(5, { message: 'muacCm must be at least 5 cm' })
  @Max(30, { message: 'muacCm must be at most 30 cm' })
  muacCm?: number;

  @ApiPropertyOptional({ example: false, description: 'Bilateral pitting oedema' })
  @IsOptional()
  @IsBoolean({ message: 'oedema must be true or false' })
  oedema?: boolean;

  @ApiProperty({ example: 'P3603200101', description: 'The puskesmas responsible for the posyandu' })
  @Matches(FACILITY_CODE, { message: 'puskesmasCode must be 1–40 letters, digits, dots, dashes or underscores' })
  puskesmasCode: string;

  @ApiPropertyOptional({ example: 'POS-Mawar-03' })
  @IsOptional()
  @Matches(FACILITY_CODE, { message: 'posyanduCode must be 1–40 letters, digits, dots, dashes or underscores' })
  posyanduCode?: string;
}

export class RecordMeasurementRequest extends MeasurementValuesRequest {
  @ApiProperty({ description: 'The child id from the identity service' })
  @IsUUID('all', { message: 'childId must be a child id (UUID) from the identity service' })
  childId: string;

  @ApiPropertyOptional({
    example: 'SIGIZI-2025-08-000123',
    description: "The integration's own record id: a resend returns the first result",
  })
  @IsOptional()
  @IsString({ message: 'sourceRecordId must be text' })
  @NoControlCharacters()
  @Length(1, 100, { message: 'sourceRecordId must be 1–100 characters' })
  sourceRecordId?: string;
}
