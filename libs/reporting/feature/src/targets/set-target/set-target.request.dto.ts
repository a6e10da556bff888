import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';

export class SetTargetRequest {
  @ApiPropertyOptional({ example: 12000, description: 'Sasaran: balita of the wilayah that year' })
  @IsOptional()
  @IsInt({ message: 'targetPopulation must be a whole number of children' })
  @Min(0, { message: 'targetPopulation cannot be negative' })
  @Max(5_000_000, { message: 'targetPopulation must be at most 5,000,000' })
  targetPopulation?: number;

  @ApiPropertyOptional({ example: 14, description: 'Target stunting prevalence, %' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'targetPrevalencePct must be a number with at most 2 decimals' })
  @Min(0, { message: 'targetPrevalencePct must be between 0 and 100' })
  @Max(100, { message: 'targetPrevalencePct must be between 0 and 100' })
  targetPrevalencePct?: number;
}
