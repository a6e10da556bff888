import { ApiProperty } from '@nestjs/swagger';
import { NoControlCharacters } from '@registry/platform';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

export class EndSponsorshipRequest {
  @ApiProperty({ example: 'The sponsor withdrew at the Rembuk Stunting of 2025', description: 'The sponsor reads it' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must be text' })
  @NoControlCharacters()
  @Length(3, 500, { message: 'reason must be 3–500 characters: say why, without personal data' })
  reason: string;
}
