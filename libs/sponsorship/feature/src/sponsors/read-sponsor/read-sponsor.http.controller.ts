import { Controller, Get, Param, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, PersonalData, type Principal } from '@registry/access';
import { ApiRefusals, uuidParam } from '@registry/platform';
import type { Request } from 'express';
import { ReadSponsorHandler } from './read-sponsor.handler';
import { SponsorResponse } from '../sponsor.response.dto';

@ApiTags('sponsors')
@ApiBearerAuth()
@Controller('v1/sponsors')
export class ReadSponsorHttpController {
  constructor(private readonly handler: ReadSponsorHandler) {}

  @Get(':id')
  @Access('tpps', 'admin')
  @PersonalData()
  @ApiOperation({ summary: 'A sponsor of your regency with its name and contact; the read is recorded' })
  @ApiOkResponse({ type: SponsorResponse })
  @ApiRefusals(404)
  read(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a sponsor id')) id: string,
    @Req() http: Request,
  ) {
    // The route, not the URL: the record is named by sponsor_id already.
    return this.handler.read(principal, id, `${http.method} ${http.route?.path ?? http.path}`);
  }
}
