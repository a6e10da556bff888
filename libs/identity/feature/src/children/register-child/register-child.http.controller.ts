import { Body, Controller, Headers, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import type { Request, Response } from 'express';
import { RegisterChildHandler } from './register-child.handler';
import { RegisterChildRequest } from './register-child.request.dto';
import { RegisterChildResponse } from './register-child.response.dto';

@ApiTags('children')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/children')
export class RegisterChildHttpController {
  constructor(private readonly handler: RegisterChildHandler) {}

  @Post()
  @Access('integration', 'kader', 'tpps', 'admin')
  @ApiOperation({ summary: 'Register a child (NIK optional); the regency is derived from the desa' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried POST with the same key returns the first answer',
  })
  @ApiCreatedResponse({ type: RegisterChildResponse })
  @ApiRefusals(
    { status: 409, description: 'NIK already registered (existingChildId when in your scope)' },
    { status: 422, description: 'Unknown desa, NIK disagreeing with birth date or sex, birth date in the future' },
  )
  async register(
    @CurrentPrincipal() principal: Principal,
    @Body() request: RegisterChildRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() http: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const answer = await this.handler.register(principal, request, { idempotencyKey, correlationId: String(http.id) });
    response.status(answer.status);
    return answer.body;
  }
}
