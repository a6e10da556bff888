import { Body, Controller, Headers, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import type { Request, Response } from 'express';
import { ApiRefusals } from '@registry/platform';
import { PortalCredentials } from '../portal-credentials';
import { RegisterSponsorHandler } from './register-sponsor.handler';
import { RegisterSponsorRequest } from './register-sponsor.request.dto';
import { RegisteredSponsorResponse } from '../sponsor.response.dto';

@ApiTags('sponsors')
@ApiBearerAuth()
@Controller('v1/sponsors')
export class RegisterSponsorHttpController {
  constructor(
    private readonly handler: RegisterSponsorHandler,
    private readonly credentials: PortalCredentials,
  ) {}

  @Post()
  @Access('tpps', 'admin')
  @ApiOperation({
    summary: "Register an Orang Tua Asuh; answers the sponsor's id and its portal credentials (role sponsor)",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried POST returns the same sponsor' })
  @ApiCreatedResponse({ type: RegisteredSponsorResponse })
  @ApiRefusals(
    { status: 404, description: 'The regency is not yours' },
    { status: 422, description: 'Unknown regency code' },
  )
  async register(
    @CurrentPrincipal() principal: Principal,
    @Body() request: RegisterSponsorRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() http: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const answer = await this.handler.register(principal, request, { idempotencyKey, correlationId: String(http.id) });
    response.status(answer.status);
    // Tokens are never stored with the idempotent answer: a retry gets a fresh one.
    const { sponsorId } = answer.body as { sponsorId: string };
    return { ...(answer.body as object), portal: await this.credentials.issue(sponsorId) };
  }
}
