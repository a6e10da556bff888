import { ApiPropertyOptional } from '@nestjs/swagger';
import { NoControlCharacters } from '@registry/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

export class StartImportQuery {
  @ApiPropertyOptional({
    default: false,
    description: "true: validate and report every row's outcome without writing anything (DHIS2's VALIDATE mode)",
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun = false;

  @ApiPropertyOptional({ example: 'eppgbm-kab-tangerang-2025.xlsx', description: 'The file’s name, for the uploader' })
  @IsOptional()
  @IsString({ message: 'fileName must be text' })
  @NoControlCharacters()
  @Length(1, 200, { message: 'fileName must be 1–200 characters' })
  fileName?: string;
}
