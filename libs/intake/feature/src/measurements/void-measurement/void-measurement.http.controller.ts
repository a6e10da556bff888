import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals, uuidParam } from '@registry/platform';
import type { Request } from 'express';
import { VoidMeasurementHandler } from './void-measurement.handler';
import { VoidMeasurementRequest } from './void-measurement.request.dto';
import { VoidMeasurementResponse } from './void-measurement.response.dto';

@ApiTags('measurements')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/measurements')
export class VoidMeasurementHttpController {
  constructor(private readonly handler: VoidMeasurementHandler) {}

  @Post(':id/void')
  @HttpCode(200)
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({ summary: 'Void a measurement: it no longer counts anywhere; its history stays' })
  @ApiOkResponse({ type: VoidMeasurementResponse })
  @ApiRefusals(404, { status: 409, description: 'Voided already' })
  void(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a measurement id')) id: string,
    @Body() request: VoidMeasurementRequest,
    @Req() http: Request,
  ) {
    return this.handler.void(principal, id, request.reason, String(http.id));
  }
}
