import { Body, Controller, Headers, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals, uuidParam } from '@registry/platform';
import type { Request, Response } from 'express';
import { RecordContributionHandler } from './record-contribution.handler';
import { RecordContributionRequest } from './record-contribution.request.dto';
import { ContributionResponse } from './record-contribution.response.dto';

@ApiTags('sponsorships')
@ApiBearerAuth()
@Controller('v1/sponsorships')
export class RecordContributionHttpController {
  constructor(private readonly handler: RecordContributionHandler) {}

  @Post(':id/contributions')
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'Record what the sponsor gave (whole rupiah and/or items), with its evidence' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried POST records nothing twice' })
  @ApiCreatedResponse({
    description: 'The contribution and the fulfilment of the sponsorship after it',
    type: ContributionResponse,
  })
  @ApiRefusals(
    { status: 404, description: 'No such sponsorship in your regency' },
    {
      status: 422,
      description: 'Amounts not whole rupiah, negative or absurd; a date outside the sponsorship; nothing given',
    },
  )
  async record(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a sponsorship id')) id: string,
    @Body() request: RecordContributionRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() http: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const answer = await this.handler.record(principal, id, request, {
      idempotencyKey,
      correlationId: String(http.id),
    });
    response.status(answer.status);
    return answer.body;
  }
}
