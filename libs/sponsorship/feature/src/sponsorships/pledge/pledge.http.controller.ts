import { Body, Controller, Headers, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import type { Request, Response } from 'express';
import { PledgeHandler } from './pledge.handler';
import { PledgeRequest } from './pledge.request.dto';

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
  @ApiResponse({ status: 201, description: 'The sponsorship with its status and fulfilment' })
  @ApiResponse({ status: 409, description: 'The same sponsor already sponsors the child for overlapping months' })
  @ApiResponse({
    status: 422,
    description: 'Unknown sponsor or child, a child who died or is 60 months old, amounts not whole rupiah or absurd',
  })
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
