import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ReportTimelineHandler } from './report-timeline.handler';

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
  timeline(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) childId: string) {
    return this.handler.timeline(principal, childId);
  }
}
