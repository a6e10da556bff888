import { ApiProperty, PartialType } from '@nestjs/swagger';
import { NoControlCharacters } from '@registry/platform';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { MeasurementValuesRequest } from '../record-measurement/record-measurement.request.dto';

export class CorrectMeasurementRequest extends PartialType(MeasurementValuesRequest) {
  @ApiProperty({ example: 'Weight entered in the height field' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be text' })
  @NoControlCharacters()
  @Length(3, 500, { message: 'reason must be 3–500 characters: say why the values change' })
  reason: string;
}
