import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { IsCalendarDate, NoControlCharacters, collapseSpaces } from '@registry/platform';

export class ContributedItemRequest {
  @ApiProperty({ example: 'telur ayam' })
  @Transform(collapseSpaces)
  @IsString({ message: 'items[].name must be text' })
  @NoControlCharacters()
  @Length(1, 100, { message: 'items[].name must be 1–100 characters' })
  name: string;

  @ApiProperty({ example: 30 })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'items[].quantity must be a number' })
  quantity: number;

  @ApiProperty({ example: 'butir' })
  @Transform(collapseSpaces)
  @IsString({ message: 'items[].unit must be text' })
  @NoControlCharacters()
  @Length(1, 30, { message: 'items[].unit must be 1–30 characters, e.g. butir, kg, paket' })
  unit: string;
}

/** Whole, positive and plausible amounts and quantities are domain rules (422 naming the field). */
export class RecordContributionRequest {
  @ApiProperty({ example: '2025-08-05', description: 'When it was given' })
  @IsCalendarDate({ message: 'date must be a real date YYYY-MM-DD' })
  date: string;

  @ApiPropertyOptional({ example: 525000, description: 'Whole rupiah given in cash' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'amountIdr must be a number of rupiah' })
  amountIdr?: number;

  @ApiPropertyOptional({ type: [ContributedItemRequest], description: 'What was given in kind' })
  @IsOptional()
  @IsArray({ message: 'items must be a list of {"name", "quantity", "unit"}' })
  @ArrayMaxSize(50, { message: 'items can list at most 50 kinds of goods' })
  @IsObject({ each: true, message: 'items must be a list of {"name", "quantity", "unit"}' })
  @ValidateNested({ each: true })
  @Type(() => ContributedItemRequest)
  items?: ContributedItemRequest[];

  @ApiPropertyOptional({ example: 'kwitansi/2025/08/0012', description: 'The receipt, photo or handover record' })
  @IsOptional()
  @Transform(collapseSpaces)
  @IsString({ message: 'evidenceRef must be text' })
  @NoControlCharacters()
  @Length(1, 200, { message: 'evidenceRef must be 1–200 characters' })
  evidenceRef?: string;
}
