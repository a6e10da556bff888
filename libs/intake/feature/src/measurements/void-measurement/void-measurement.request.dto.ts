import { ApiProperty } from '@nestjs/swagger';
import { NoControlCharacters } from '@registry/platform';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

export class VoidMeasurementRequest {
  @ApiProperty({ example: 'Recorded for the wrong child' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be text' })
  @NoControlCharacters()
  @Length(3, 500, { message: 'reason must be 3–500 characters: say why the measurement is void' })
  reason: string;
}
