import { Body, Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import type { Request } from 'express';
import { RegisterChildrenBatchHandler } from './register-children-batch.handler';
import { RegisterChildrenBatchRequest } from './register-children-batch.request.dto';
import { RegisterChildrenBatchResponse } from './register-children-batch.response.dto';

@ApiTags('children')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1')
export class RegisterChildrenBatchHttpController {
  constructor(private readonly handler: RegisterChildrenBatchHandler) {}

  @Post('children\\:batch')
  @HttpCode(200)
  @Access('integration', 'kader', 'tpps', 'admin')
  @ApiOperation({ summary: 'Register up to 5,000 children; one result per item, in input order' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried batch with the same key returns the first answer',
  })
  @ApiOkResponse({ description: 'One result per item, in input order', type: RegisterChildrenBatchResponse })
  async register(
    @CurrentPrincipal() principal: Principal,
    @Body() request: RegisterChildrenBatchRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() http: Request,
  ): Promise<unknown> {
    return (await this.handler.register(principal, request.items, { idempotencyKey, correlationId: String(http.id) }))
      .body;
  }
}
