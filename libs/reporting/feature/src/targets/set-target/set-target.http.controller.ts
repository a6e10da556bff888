import { BadRequestException, Body, Controller, Param, ParseIntPipe, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import type { Request } from 'express';
import { ApiRefusals } from '@registry/platform';
import { SetTargetHandler } from './set-target.handler';
import { SetTargetRequest } from './set-target.request.dto';
import { TargetResponse } from './set-target.response.dto';

const yearParam = new ParseIntPipe({
  exceptionFactory: () =>
    new BadRequestException({ message: 'year must be a year in the path, e.g. /v1/targets/36.03/2025', field: 'year' }),
});

/** The sasaran and target prevalence of a wilayah for a year. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/targets')
export class SetTargetHttpController {
  constructor(private readonly handler: SetTargetHandler) {}

  @Put(':regionCode/:year')
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'Set the target population and target prevalence of a region for a year' })
  @ApiOkResponse({ type: TargetResponse })
  @ApiRefusals(
    { status: 404, description: 'A region outside your regency' },
    { status: 422, description: 'Unknown region code' },
  )
  set(
    @CurrentPrincipal() principal: Principal,
    @Param('regionCode') regionCode: string,
    @Param('year', yearParam) year: number,
    @Body() request: SetTargetRequest,
    @Req() http: Request,
  ) {
    const facts = {
      regionCode,
      year,
      targetPopulation: request.targetPopulation ?? null,
      targetPrevalencePct: request.targetPrevalencePct ?? null,
    };
    return this.handler.set(principal, facts, String(http.id));
  }
}
