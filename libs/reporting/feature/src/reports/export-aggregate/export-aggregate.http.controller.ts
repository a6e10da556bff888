import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import type { DataValueSet } from '@registry/reporting-domain';
import { ApiRefusals } from '@registry/platform';
import { ExportAggregateHandler } from './export-aggregate.handler';
import { ExportAggregateRequestQuery } from './export-aggregate.request.dto';
import { DataValueSetResponse } from './export-aggregate.response.dto';

const PUBLIC_RULE =
  'public=true (the default) leaves out what the public CSV blanks (REPORT_MIN_CELL), and a sex whenever the other ' +
  'sex is left out: the total minus one sex would give it back';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/exports')
export class ExportAggregateHttpController {
  constructor(private readonly handler: ExportAggregateHandler) {}

  @Get('adx')
  @Access('statistician', 'admin')
  @ApiProduces('application/adx+xml')
  @ApiOperation({
    summary: 'Stunting, wasting and underweight counts per place and period as ADX (IHE QRPH)',
    description: PUBLIC_RULE,
  })
  @ApiOkResponse({ description: 'An ADX document', schema: { type: 'string' } })
  @ApiRefusals({ status: 404, description: 'A region outside your regency' }, 422)
  async adx(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExportAggregateRequestQuery,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ): Promise<string> {
    const adx = await this.handler.adx(principal, query);
    // Set here, not by @Header: a refused request is then answered as JSON, not as JSON labelled ADX.
    response.setHeader('content-type', 'application/adx+xml; charset=utf-8');
    return adx;
  }

  @Get('dhis2/data-value-sets')
  @Access('statistician', 'admin')
  @ApiProduces('application/json')
  @ApiOkResponse({
    description: 'A DHIS2 dataValueSets payload, identifiers as codes (idScheme CODE)',
    type: DataValueSetResponse,
  })
  @ApiRefusals({ status: 404, description: 'A region outside your regency' }, 422)
  @ApiOperation({
    summary: 'Stunting, wasting and underweight counts per place and period as DHIS2 dataValueSets',
    description: PUBLIC_RULE,
  })
  dataValueSets(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ExportAggregateRequestQuery,
  ): Promise<DataValueSet> {
    return this.handler.dataValueSets(principal, query);
  }
}
