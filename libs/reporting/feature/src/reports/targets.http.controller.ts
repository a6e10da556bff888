import {
  BadRequestException,
  Body,
  Controller,
  Param,
  ParseIntPipe,
  Put,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Access, actorOf, CurrentPrincipal, type Principal } from '@registry/access';
import { EventStore } from '@registry/event-store';
import { Regions } from '@registry/regions';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { invalidRegion } from './report-errors';
import { reportRegion } from './report-scope';

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

const yearParam = new ParseIntPipe({
  exceptionFactory: () =>
    new BadRequestException({ message: 'year must be a year in the path, e.g. /v1/targets/36.03/2025', field: 'year' }),
});

/** The sasaran and target prevalence of a wilayah for a year. Setting one is an event in reporting's own store. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/targets')
export class TargetsHttpController {
  constructor(
    private readonly store: EventStore,
    private readonly regions: Regions,
  ) {}

  @Put(':regionCode/:year')
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'Set the target population and target prevalence of a region for a year' })
  async set(
    @CurrentPrincipal() principal: Principal,
    @Param('regionCode') regionCode: string,
    @Param('year', yearParam) year: number,
    @Body() request: SetTargetRequest,
  ) {
    if (!this.regions.find(regionCode)) throw invalidRegion(regionCode);
    if (year < 2000 || year > 2100)
      throw new UnprocessableEntityException({ message: 'year must be between 2000 and 2100', field: 'year' });
    reportRegion(principal, regionCode);
    const data = {
      regionCode,
      year,
      targetPopulation: request.targetPopulation ?? null,
      targetPrevalencePct: request.targetPrevalencePct ?? null,
    };
    await this.store.withTransaction(async (session) => {
      await session.append(
        `target-${regionCode}-${year}`,
        [
          {
            type: 'target.set',
            data,
            subjectId: regionCode,
            regencyCode: regionCode.slice(0, 5),
            actor: actorOf(principal),
          },
        ],
        {
          expectedVersion: 'any',
        },
      );
      await session.client.query(
        `INSERT INTO reporting_targets (region_code, year, target_population, target_prevalence_pct, updated_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (region_code, year) DO UPDATE SET target_population = $3, target_prevalence_pct = $4, updated_at = now()`,
        [regionCode, year, data.targetPopulation, data.targetPrevalencePct],
      );
    });
    return data;
  }
}
