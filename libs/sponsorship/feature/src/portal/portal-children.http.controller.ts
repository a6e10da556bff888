import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, OutOfScopeError, sponsorshipScope, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import { PortalChildrenHandler } from './portal-children.handler';
import { PortalChildrenResponse, PortalChildResponse } from './portal-child.response.dto';

/** The Orang Tua Asuh portal: only a sponsor's token, only that sponsor's children, never who they are. */
@ApiTags('portal')
@ApiBearerAuth()
@Controller('v1/portal/children')
@Access('sponsor')
export class PortalChildrenHttpController {
  constructor(private readonly handler: PortalChildrenHandler) {}

  @Get()
  @ApiOperation({
    summary:
      'Your sponsored children: pseudonym, age, sex, kecamatan, growth, case, interventions, your contributions and notices',
  })
  @ApiOkResponse({ type: PortalChildrenResponse })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: await this.handler.list(sponsorOf(principal)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your sponsored children, by the id the portal gave it; 404 for any other' })
  @ApiOkResponse({ type: PortalChildResponse })
  @ApiRefusals(404)
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string) {
    return this.handler.get(sponsorOf(principal), id);
  }
}

function sponsorOf(principal: Principal): string {
  const scope = sponsorshipScope(principal);
  if (scope.kind !== 'sponsor') throw new OutOfScopeError('sponsor portal');
  return scope.sponsorId;
}
