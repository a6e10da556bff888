import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import { ChildMeasurementsHandler } from './child-measurements.handler';
import { ChildMeasurementsResponse } from './child-measurements.response.dto';

@ApiTags('measurements')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/children')
export class ChildMeasurementsHttpController {
  constructor(private readonly handler: ChildMeasurementsHandler) {}

  @Get(':childId/measurements')
  @Access('integration', 'kader', 'puskesmas', 'tpps', 'admin')
  @ApiOperation({
    summary: "The child's growth history with z-scores, oldest first (records merged into this child included)",
  })
  @ApiOkResponse({ type: ChildMeasurementsResponse })
  @ApiRefusals(404)
  history(@CurrentPrincipal() principal: Principal, @Param('childId', ParseUUIDPipe) childId: string) {
    return this.handler.history(principal, childId);
  }
}
