import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import { ReportPrevalenceHandler } from './report-prevalence.handler';
import { INDICATOR_ROUTES, PrevalenceRequestQuery } from './report-prevalence.request.dto';
import { PrevalenceReportResponse } from './report-prevalence.response.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class ReportPrevalenceHttpController {
  constructor(private readonly handler: ReportPrevalenceHandler) {}

  @Get(':indicator')
  @Access('tpps', 'statistician', 'admin')
  @ApiParam({ name: 'indicator', enum: Object.keys(INDICATOR_ROUTES) })
  @ApiOperation({
    summary: 'Prevalence per wilayah for a period: each child once (latest valid measurement), flagged excluded',
  })
  @ApiOkResponse({ type: PrevalenceReportResponse })
  @ApiRefusals({ status: 404, description: 'A region outside your regency' }, 422)
  report(
    @CurrentPrincipal() principal: Principal,
    @Param('indicator') route: string,
    @Query() query: PrevalenceRequestQuery,
  ) {
    return this.handler.report(principal, route, query);
  }
}
