import { Body, Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals, uuidParam } from '@registry/platform';
import type { Request } from 'express';
import { DeliverInterventionHandler } from './deliver-intervention.handler';
import { DeliverInterventionRequest } from './deliver-intervention.request.dto';
import { InterventionResponse } from '../intervention.response.dto';

@ApiTags('interventions')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/interventions')
export class DeliverInterventionHttpController {
  constructor(private readonly handler: DeliverInterventionHandler) {}

  @Post(':id/delivery')
  @HttpCode(200)
  @Access('integration', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({ summary: 'Record the delivery of a planned intervention; it keeps the day it was planned for' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ description: 'The intervention, delivered', type: InterventionResponse })
  @ApiRefusals(404, { status: 409, description: 'Not planned: delivered or cancelled already' }, 422)
  async deliver(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'an intervention id')) id: string,
    @Body() request: DeliverInterventionRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() http: Request,
  ): Promise<unknown> {
    return (await this.handler.deliver(principal, id, request, idempotencyKey, String(http.id))).body;
  }
}
