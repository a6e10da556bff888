import { Body, Controller, Headers, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import type { Request, Response } from 'express';
import { MeasurementResponse } from '../measurement.response.dto';
import { RecordMeasurementHandler } from './record-measurement.handler';
import { RecordMeasurementRequest } from './record-measurement.request.dto';
import { DuplicateMeasurementResponse } from './record-measurement.response.dto';

@ApiTags('measurements')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/measurements')
export class RecordMeasurementHttpController {
  constructor(private readonly handler: RecordMeasurementHandler) {}

  @Post()
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({
    summary:
      'Record one measurement; answers its age, z-scores, classifications and flags (WHO 2006, Permenkes 2/2020)',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ description: 'Recorded', type: MeasurementResponse })
  @ApiOkResponse({
    description: 'The same sourceRecordId was recorded before: the first result, `duplicate: true`',
    type: DuplicateMeasurementResponse,
  })
  @ApiRefusals(
    {
      status: 503,
      description:
        'The child is not known here yet (intake is behind on identity’s events, or its registration is on its way): ' +
        'nothing was written; send it again after Retry-After seconds',
    },
    {
      status: 422,
      description:
        'Unknown child, measured before birth or in the future, over 60 months, values outside physical ranges',
    },
  )
  async record(
    @CurrentPrincipal() principal: Principal,
    @Body() request: RecordMeasurementRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() http: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const answer = await this.handler.record(principal, request, { idempotencyKey, correlationId: String(http.id) });
    response.status(answer.status);
    return answer.body;
  }
}
