import { Body, Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals, uuidParam } from '@registry/platform';
import type { Request } from 'express';
import { CancelInterventionHandler } from './cancel-intervention.handler';
import { CancelInterventionRequest } from './cancel-intervention.request.dto';
import { InterventionResponse } from '../intervention.response.dto';

@ApiTags('interventions')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/interventions')
export class CancelInterventionHttpController {
  constructor(private readonly handler: CancelInterventionHandler) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @Access('integration', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({
    summary: 'Cancel a planned intervention, or withdraw a delivery recorded in error; its history stays',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ description: 'The intervention, cancelled', type: InterventionResponse })
  @ApiRefusals(404, { status: 409, description: 'Cancelled already' })
  async cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'an intervention id')) id: string,
    @Body() request: CancelInterventionRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() http: Request,
  ): Promise<unknown> {
    return (await this.handler.cancel(principal, id, request, idempotencyKey, String(http.id))).body;
  }
}
