import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals, uuidParam } from '@registry/platform';
import type { Request } from 'express';
import { CorrectMeasurementHandler } from './correct-measurement.handler';
import { CorrectMeasurementRequest } from './correct-measurement.request.dto';
import { MeasurementResponse } from '../measurement.response.dto';

@ApiTags('measurements')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/measurements')
export class CorrectMeasurementHttpController {
  constructor(private readonly handler: CorrectMeasurementHandler) {}

  @Post(':id/corrections')
  @HttpCode(200)
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({ summary: 'Correct a measurement: the z-scores are recomputed; history keeps every version' })
  @ApiOkResponse({ description: 'The measurement as corrected, judged again', type: MeasurementResponse })
  @ApiRefusals(404, { status: 409, description: 'The measurement is voided' }, 422)
  correct(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a measurement id')) id: string,
    @Body() request: CorrectMeasurementRequest,
    @Req() http: Request,
  ) {
    return this.handler.correct(principal, id, request, String(http.id));
  }
}
