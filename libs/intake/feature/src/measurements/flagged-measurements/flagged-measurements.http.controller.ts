import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, regencyScope, type Principal } from '@registry/access';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { measurementView } from '../measurement-view';
import { FlaggedMeasurementsQuery } from './flagged-measurements.query';
import { FlaggedMeasurementsResponse } from './flagged-measurements.response.dto';

export class FlaggedMeasurementsRequest {
  @ApiPropertyOptional({ default: 200, maximum: 1000 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' && value !== '' ? Number(value) : value))
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(1000, { message: 'limit must be at most 1000' })
  limit = 200;
}

@ApiTags('measurements')
@ApiBearerAuth()
@Controller('v1/measurements')
export class FlaggedMeasurementsHttpController {
  constructor(private readonly flagged: FlaggedMeasurementsQuery) {}

  @Get('flagged')
  @Access('tpps', 'admin')
  @ApiOperation({ summary: "The regency's implausible (flagged) measurements to correct or void, newest first" })
  @ApiOkResponse({ type: FlaggedMeasurementsResponse })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: FlaggedMeasurementsRequest) {
    const scope = regencyScope(principal);
    const rows = await this.flagged.run(scope.kind === 'regency' ? scope.regencyCode : null, query.limit);
    return { items: rows.map((row) => measurementView(row.measurement, 'recorded', row.streamVersion)) };
  }
}
