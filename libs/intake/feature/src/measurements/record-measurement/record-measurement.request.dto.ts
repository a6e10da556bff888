import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { IsCalendarDate, NoControlCharacters, FACILITY_CODE } from '@registry/platform';
import { MeasuredNumber } from '../measured-number.decorator';

/**
 * One visit's measurement. Measured values are rounded to their scale and their physical ranges checked by the
 * domain (422 naming the field).
 */
export class MeasurementValuesRequest {
  @ApiProperty({ example: '2025-08-12' })
  @IsCalendarDate({ message: 'measuredOn must be a real date YYYY-MM-DD' })
  measuredOn: string;

  @MeasuredNumber('weightKg')
  weightKg?: number;

  @MeasuredNumber('heightCm')
  heightCm?: number;

  @ApiProperty({ enum: ['lying', 'standing'] })
  @IsIn(['lying', 'standing'], { message: 'position must be "lying" (length) or "standing" (height)' })
  position: 'lying' | 'standing';

  @MeasuredNumber('headCircumferenceCm')
  headCircumferenceCm?: number;

  @MeasuredNumber('muacCm')
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
