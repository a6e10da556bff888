import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals, uuidParam } from '@registry/platform';
import type { Request } from 'express';
import { EndSponsorshipHandler } from './end-sponsorship.handler';
import { EndSponsorshipRequest } from './end-sponsorship.request.dto';
import { EndedSponsorshipResponse } from './end-sponsorship.response.dto';

@ApiTags('sponsorships')
@ApiBearerAuth()
@Controller('v1/sponsorships')
export class EndSponsorshipHttpController {
  constructor(private readonly handler: EndSponsorshipHandler) {}

  @Post(':id/end')
  @HttpCode(200)
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'End a sponsorship today; the reason becomes a notice the sponsor reads in the portal' })
  @ApiOkResponse({ type: EndedSponsorshipResponse })
  @ApiRefusals(404, { status: 409, description: 'Already ended, or its months are all over' })
  end(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a sponsorship id')) id: string,
    @Body() request: EndSponsorshipRequest,
    @Req() http: Request,
  ) {
    return this.handler.end(principal, id, request.reason, String(http.id));
  }
}
