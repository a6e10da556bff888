import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ReportTrendHandler } from './report-trend.handler';
import { TrendRequestQuery } from './report-trend.request.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class ReportTrendHttpController {
  constructor(private readonly handler: ReportTrendHandler) {}

  @Get('trend')
  @Access('tpps', 'statistician', 'admin')
  @ApiOperation({
    summary: 'Monthly stunting prevalence of a region, with its target line and the children who became stunted',
  })
  trend(@CurrentPrincipal() principal: Principal, @Query() query: TrendRequestQuery) {
    return this.handler.trend(principal, query);
  }
}
