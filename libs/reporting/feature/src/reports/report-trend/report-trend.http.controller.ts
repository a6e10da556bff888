import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import { ReportTrendHandler } from './report-trend.handler';
import { TrendRequestQuery } from './report-trend.request.dto';
import { TrendResponse } from './report-trend.response.dto';

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
  @ApiOkResponse({ type: TrendResponse })
  @ApiRefusals({ status: 404, description: 'A region outside your regency' }, 422)
  trend(@CurrentPrincipal() principal: Principal, @Query() query: TrendRequestQuery) {
    return this.handler.trend(principal, query);
  }
}
