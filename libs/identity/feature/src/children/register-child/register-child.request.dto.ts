import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { IsCalendarDate, NoControlCharacters, collapseSpaces } from '@registry/platform';

const SIXTEEN_DIGITS = /^\d{16}$/;
export const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

export class MotherRequest {
  @ApiProperty({ example: 'Siti Aminah', description: "The mother's name (personal data, stored encrypted)" })
  @Transform(collapseSpaces)
  @IsString({ message: 'mother.name must be text' })
  @NoControlCharacters()
  @Length(1, 100, { message: 'mother.name must be 1–100 characters' })
  name: string;

  @ApiPropertyOptional({ example: '3603205203950002', description: "The mother's NIK, 16 digits" })
  @IsOptional()
  @Matches(SIXTEEN_DIGITS, { message: 'mother.nik must be exactly 16 digits' })
  nik?: string;
}

export class AddressRequest {
  @ApiProperty({
    example: '36.03.20.2002',
    description: 'Kemendagri desa/kelurahan code; the regency (tenant) is derived from it',
  })
  @Matches(VILLAGE_CODE, { message: 'address.villageCode must be a desa/kelurahan code like 36.03.20.2002' })
  villageCode: string;

  @ApiPropertyOptional({ example: '003' })
  @IsOptional()
  @Matches(/^\d{1,3}$/, { message: 'address.rt must be 1–3 digits, e.g. 003' })
  rt?: string;

  @ApiPropertyOptional({ example: '001' })
  @IsOptional()
  @Matches(/^\d{1,3}$/, { message: 'address.rw must be 1–3 digits, e.g. 001' })
  rw?: string;

  @ApiPropertyOptional({ example: 'Jl. Melati No. 4' })
  @IsOptional()
  @Transform(collapseSpaces)
  @IsString({ message: 'address.line must be text' })
  @NoControlCharacters()
  @Length(1, 200, { message: 'address.line must be 1–200 characters' })
  line?: string;
}

export class RegisterChildRequest {
  @ApiPropertyOptional({
    example: '3603204103240001',
    description: 'NIK, 16 digits; optional (newborns often have none)',
  })
  @IsOptional()
  @Matches(SIXTEEN_DIGITS, { message: 'nik must be exactly 16 digits' })
  nik?: string;

  @ApiPropertyOptional({ example: '3603201203150007', description: 'No. KK (family card), 16 digits' })
  @IsOptional()
  @Matches(SIXTEEN_DIGITS, { message: 'familyCardNumber must be exactly 16 digits' })
  familyCardNumber?: string;

  @ApiProperty({ example: 'Putri Lestari' })
  @Transform(collapseSpaces)
  @IsString({ message: 'name must be text' })
  @NoControlCharacters()
  @Length(1, 100, { message: 'name must be 1–100 characters after trimming' })
  name: string;

  @ApiProperty({ enum: ['male', 'female'] })
  @IsIn(['male', 'female'], { message: 'sex must be "male" or "female"' })
  sex: 'male' | 'female';

  @ApiProperty({ example: '2024-03-01' })
  @IsCalendarDate({ message: 'birthDate must be a real date YYYY-MM-DD' })
  birthDate: string;

  @ApiPropertyOptional({ example: 2900 })
  @IsOptional()
  @IsInt({ message: 'birthWeightGrams must be a whole number of grams, e.g. 2900' })
  @Min(300, { message: 'birthWeightGrams must be at least 300 (grams, not kilograms)' })
  @Max(7000, { message: 'birthWeightGrams must be at most 7000 (grams)' })
  birthWeightGrams?: number;

  @ApiPropertyOptional({ example: 48.5 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'birthLengthCm must be a number with at most one decimal, e.g. 48.5' })
  @Min(25, { message: 'birthLengthCm must be at least 25 cm' })
  @Max(65, { message: 'birthLengthCm must be at most 65 cm' })
  birthLengthCm?: number;

  @ApiProperty({ type: MotherRequest })
  @IsDefined({ message: 'mother is required: {"name": "…", "nik"?: "…"}' })
  @IsObject({ message: 'mother must be one object {"name": "…", "nik"?: "…"}, not a list or a value' })
  @ValidateNested()
  @Type(() => MotherRequest)
  mother: MotherRequest;

  @ApiProperty({ type: AddressRequest })
  @IsDefined({ message: 'address is required: {"villageCode": "36.03.20.2002", "rt"?, "rw"?, "line"?}' })
  @IsObject({
    message:
      'address must be one object {"villageCode": "36.03.20.2002", "rt"?, "rw"?, "line"?}, not a list or a value',
  })
  @ValidateNested()
  @Type(() => AddressRequest)
  address: AddressRequest;
}
