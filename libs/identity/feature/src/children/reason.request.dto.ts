import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { NoControlCharacters } from '@registry/platform';

/** Why a record changes; kept with the event. It must not repeat personal data. */
export class ReasonRequest {
  @ApiProperty({ example: 'Registered twice by two posyandu' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be text' })
  @NoControlCharacters()
  @Length(3, 500, { message: 'reason must be 3–500 characters' })
  reason: string;
}
