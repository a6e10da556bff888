import { Body, Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import type { Request } from 'express';
import { RecordMeasurementsBatchHandler } from './record-measurements-batch.handler';
import { RecordMeasurementsBatchRequest } from './record-measurements-batch.request.dto';
import { RecordMeasurementsBatchResponse } from './record-measurements-batch.response.dto';

@ApiTags('measurements')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1')
export class RecordMeasurementsBatchHttpController {
  constructor(private readonly handler: RecordMeasurementsBatchHandler) {}

  @Post('measurements\\:batch')
  @HttpCode(200)
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({
    summary: 'Record up to 5,000 measurements; one result per item, in input order; durable before the answer',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiOkResponse({ description: 'One result per item, in input order', type: RecordMeasurementsBatchResponse })
  async record(
    @CurrentPrincipal() principal: Principal,
    @Body() request: RecordMeasurementsBatchRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() http: Request,
  ): Promise<unknown> {
    return (await this.handler.record(principal, request.items, { idempotencyKey, correlationId: String(http.id) }))
      .body;
  }
}
