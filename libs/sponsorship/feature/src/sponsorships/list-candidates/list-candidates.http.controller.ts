import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import { ListCandidatesHandler } from './list-candidates.handler';
import { ListCandidatesQuery } from './list-candidates.query.dto';
import { CandidatesResponse } from './list-candidates.response.dto';

@ApiTags('sponsorships')
@ApiBearerAuth()
@Controller('v1/sponsorships')
export class ListCandidatesHttpController {
  constructor(private readonly handler: ListCandidatesHandler) {}

  @Get('candidates')
  @Access('tpps', 'admin')
  @ApiOperation({
    summary: 'Children of a kecamatan with an open stunting case and no active sponsor, oldest case first',
  })
  @ApiOkResponse({ type: CandidatesResponse })
  @ApiRefusals(
    { status: 404, description: 'The kecamatan is not in your regency' },
    { status: 422, description: 'Unknown kecamatan code' },
  )
  candidates(@CurrentPrincipal() principal: Principal, @Query() query: ListCandidatesQuery) {
    return this.handler.candidates(principal, query.districtCode);
  }
}
