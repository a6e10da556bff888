import { Body, Controller, Headers, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import type { Request, Response } from 'express';
import { ApiRefusals } from '@registry/platform';
import { PledgeHandler } from './pledge.handler';
import { PledgeRequest } from './pledge.request.dto';
import { SponsorshipResponse } from '../sponsorship.response.dto';

@ApiTags('sponsorships')
@ApiBearerAuth()
@Controller('v1/sponsorships')
export class PledgeHttpController {
  constructor(private readonly handler: PledgeHandler) {}

  @Post()
  @Access('tpps', 'admin')
  @ApiOperation({
    summary: "Record a sponsor's pledge to a child (as signed in the Berita Acara of the Rembuk Stunting)",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried POST returns the first answer' })
  @ApiCreatedResponse({ description: 'The sponsorship with its status and fulfilment', type: SponsorshipResponse })
  @ApiRefusals(
    { status: 409, description: 'The same sponsor already sponsors the child for overlapping months' },
    {
      status: 422,
      description: 'Unknown sponsor or child, a child who died or is 60 months old, amounts not whole rupiah or absurd',
    },
  )
  async pledge(
    @CurrentPrincipal() principal: Principal,
    @Body() request: PledgeRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() http: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const answer = await this.handler.pledge(principal, request, { idempotencyKey, correlationId: String(http.id) });
    response.status(answer.status);
    return answer.body;
  }
}
