import { ApiProperty } from '@nestjs/swagger';
import { NoControlCharacters } from '@registry/platform';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';

export class IssueApiKeyRequest {
  @ApiProperty({ example: 'SIGIZI Kabupaten Tangerang', description: 'Which integration uses the key' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'name must be text' })
  @NoControlCharacters()
  @Length(1, 100, { message: 'name must be 1–100 characters' })
  name: string;

  @ApiProperty({ example: '36.03' })
  @Matches(/^\d{2}\.\d{2}$/, { message: 'regencyCode must be a kabupaten/kota code like 36.03' })
  regencyCode: string;
}
