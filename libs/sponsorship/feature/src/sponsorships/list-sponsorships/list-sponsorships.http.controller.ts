import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import { ListSponsorshipsHandler } from './list-sponsorships.handler';
import { ListSponsorshipsQuery } from './list-sponsorships.query.dto';
import { SponsorshipsResponse } from './list-sponsorships.response.dto';

@ApiTags('sponsorships')
@ApiBearerAuth()
@Controller('v1/sponsorships')
export class ListSponsorshipsHttpController {
  constructor(private readonly handler: ListSponsorshipsHandler) {}

  @Get()
  @Access('tpps', 'admin')
  @ApiOperation({
    summary:
      'Pledges of a regency with their fulfilment today: rupiah contributed against pledged to date, months without a contribution',
  })
  @ApiOkResponse({ type: SponsorshipsResponse })
  @ApiRefusals(
    { status: 404, description: 'Another regency than yours' },
    { status: 422, description: 'Unknown regency code' },
  )
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListSponsorshipsQuery) {
    return this.handler.list(principal, query.regencyCode, query.status);
  }
}
