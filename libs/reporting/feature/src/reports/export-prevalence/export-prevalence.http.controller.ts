import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access } from '@registry/access';
import { ExportPrevalenceHandler } from './export-prevalence.handler';
import { ExportRequestQuery } from './export-prevalence.request.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/exports')
export class ExportPrevalenceHttpController {
  constructor(private readonly handler: ExportPrevalenceHandler) {}

  @Get('stunting-prevalence.csv')
  @Access('statistician', 'admin')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Stunting prevalence of every regency for one period, as CSV for central statistics' })
  @ApiOkResponse({ description: 'One line per regency', schema: { type: 'string' } })
  async export(
    @Query() query: ExportRequestQuery,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ): Promise<string> {
    const csv = await this.handler.csv(query);
    // Set here, not by @Header: a refused request is then answered as JSON, not as JSON labelled CSV.
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    return csv;
  }
}
