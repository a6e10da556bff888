import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import { ChildInterventionsHandler } from './child-interventions.handler';
import { ChildInterventionsResponse } from './child-interventions.response.dto';

@ApiTags('interventions')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/children')
export class ChildInterventionsHttpController {
  constructor(private readonly handler: ChildInterventionsHandler) {}

  @Get(':childId/interventions')
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({
    summary:
      "The child's interventions, planned, delivered and cancelled, by day. A regency sees those recorded while the " +
      'child lived there; 404 for a child it never had.',
  })
  @ApiOkResponse({ type: ChildInterventionsResponse })
  @ApiRefusals(404)
  list(@CurrentPrincipal() principal: Principal, @Param('childId', ParseUUIDPipe) childId: string) {
    return this.handler.list(principal, childId);
  }
}
