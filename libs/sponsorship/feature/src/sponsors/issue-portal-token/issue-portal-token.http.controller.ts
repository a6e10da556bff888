import { Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals, uuidParam } from '@registry/platform';
import { IssuePortalTokenHandler } from './issue-portal-token.handler';
import { PortalTokenResponse } from '../sponsor.response.dto';

@ApiTags('sponsors')
@ApiBearerAuth()
@Controller('v1/sponsors')
export class IssuePortalTokenHttpController {
  constructor(private readonly handler: IssuePortalTokenHandler) {}

  @Post(':id/portal-tokens')
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'A fresh portal token for a sponsor of your regency' })
  @ApiCreatedResponse({ type: PortalTokenResponse })
  @ApiRefusals(404)
  issue(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id', 'a sponsor id')) id: string) {
    return this.handler.issue(principal, id);
  }
}
