import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsOptional, IsString, Length, ValidateNested, IsObject } from 'class-validator';
import { AddressRequest, MotherRequest, RegisterChildRequest } from '../register-child/register-child.request.dto';
import { NoControlCharacters } from '@registry/platform';

class MotherCorrection extends PartialType(MotherRequest) {}
class AddressCorrection extends PartialType(PickType(AddressRequest, ['rt', 'rw', 'line'] as const)) {}

/** Any of the registration's fields, with a reason. The desa changes through a relocation, not a correction. */
export class CorrectChildRequest extends PartialType(
  PickType(RegisterChildRequest, [
    'nik',
    'familyCardNumber',
    'name',
    'sex',
    'birthDate',
    'birthWeightGrams',
    'birthLengthCm',
  ] as const),
) {
  @ApiPropertyOptional({ type: MotherCorrection })
  @IsOptional()
  @IsObject({ message: 'mother must be one object {"name"?: "…", "nik"?: "…"}, not a list or a value' })
  @ValidateNested()
  @Type(() => MotherCorrection)
  mother?: MotherCorrection;

  @ApiPropertyOptional({ type: AddressCorrection })
  @IsOptional()
  @IsObject({ message: 'address must be one object {"rt"?, "rw"?, "line"?}, not a list or a value' })
  @ValidateNested()
  @Type(() => AddressCorrection)
  address?: AddressCorrection;

  @ApiProperty({ example: 'Birth date copied wrongly from the KIA book' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be text' })
  @NoControlCharacters()
  @Length(3, 500, { message: 'reason must be 3–500 characters: say why the record changes' })
  reason: string;
}
