import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class ListImportRowsQuery {
  @ApiPropertyOptional({
    enum: ['json', 'xlsx', 'csv'],
    default: 'json',
    description: 'xlsx or csv: the file as uploaded, every row with its outcome in four more columns',
  })
  @IsOptional()
  @IsIn(['json', 'xlsx', 'csv'], { message: 'format must be json, xlsx or csv' })
  format: 'json' | 'xlsx' | 'csv' = 'json';

  @ApiPropertyOptional({ enum: ['rejected', 'warnings', 'disagreements'], description: 'Only these rows (json)' })
  @IsOptional()
  @IsIn(['rejected', 'warnings', 'disagreements'], { message: 'only must be rejected, warnings or disagreements' })
  only?: 'rejected' | 'warnings' | 'disagreements';

  @ApiPropertyOptional({ default: 1, description: 'Rows after this row number (json): the previous page’s nextAfter' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'after must be a row number, e.g. after=2001' })
  @Min(1, { message: 'after must be 1 or more (row 1 is the header)' })
  after = 1;

  @ApiPropertyOptional({ default: 500, maximum: 5000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be 1–5000' })
  @Max(5000, { message: 'limit must be 1–5000' })
  limit = 500;
}
