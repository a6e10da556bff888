import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, NoControlCharacters } from '@registry/platform';
import { Transform } from 'class-transformer';
import { IsNumber, IsOptional, IsPositive, IsString, Length, Max } from 'class-validator';
import { MAX_QUANTITY } from '../record-intervention/record-intervention.request.dto';

export class DeliverInterventionRequest {
  @ApiProperty({ example: '2025-08-03' })
  @IsCalendarDate({ message: 'deliveredOn must be a real date YYYY-MM-DD' })
  deliveredOn: string;

  @ApiPropertyOptional({ example: 28, description: 'What was actually given, when it differs from the plan' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'quantity must be a number, e.g. 30' })
  @IsPositive({ message: 'quantity must be more than 0' })
  @Max(MAX_QUANTITY, { message: `quantity must be at most ${MAX_QUANTITY} for one child, in the unit of the type` })
  quantity?: number;

  @ApiPropertyOptional({ description: 'No personal data' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'notes must be text' })
  @NoControlCharacters()
  @Length(1, 500, { message: 'notes must be 1–500 characters' })
  notes?: string;
}
