import { Body, Controller, Headers, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import type { Request, Response } from 'express';
import { ApiRefusals } from '@registry/platform';
import { RecordInterventionHandler } from './record-intervention.handler';
import { RecordInterventionRequest } from './record-intervention.request.dto';
import { InterventionResponse } from '../intervention.response.dto';

@ApiTags('interventions')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/interventions')
export class RecordInterventionHttpController {
  constructor(private readonly handler: RecordInterventionHandler) {}

  @Post()
  @Access('integration', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({
    summary:
      'Record an intervention planned or delivered for a child; it counts towards the package of its open case. ' +
      'A puskesmas records specific (health) interventions only.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'Recorded', type: InterventionResponse })
  @ApiRefusals({
    status: 422,
    description:
      'Unknown child or type, delivered before planned, in the future or before birth, a type not given at the ' +
      "child's age, a unit or OPD not of the catalog, sponsorship funding without its sponsorshipId",
  })
  async record(
    @CurrentPrincipal() principal: Principal,
    @Body() request: RecordInterventionRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() http: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const answer = await this.handler.record(principal, request, { idempotencyKey, correlationId: String(http.id) });
    response.status(answer.status);
    return answer.body;
  }
}
