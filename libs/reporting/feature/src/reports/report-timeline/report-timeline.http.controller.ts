import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import { ReportTimelineHandler } from './report-timeline.handler';
import { TimelineResponse } from './report-timeline.response.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/children')
export class ReportTimelineHttpController {
  constructor(private readonly handler: ReportTimelineHandler) {}

  @Get(':id/timeline')
  @Access('tpps', 'admin')
  @ApiOperation({
    summary: "The child's auditable history: every event of every service, and whether each stream's chain holds",
  })
  @ApiOkResponse({ type: TimelineResponse })
  @ApiRefusals(404)
  timeline(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) childId: string) {
    return this.handler.timeline(principal, childId);
  }
}
