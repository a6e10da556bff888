import { Controller, Get, GoneException, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, PersonalData, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import type { Response } from 'express';
import { XLSX_TYPE } from '../e-ppgbm-upload';
import { importIdPipe } from '../import-id.pipe';
import { ListImportRowsHandler } from './list-import-rows.handler';
import { ListImportRowsQuery } from './list-import-rows.request.dto';
import { ImportRowsResponse } from './list-import-rows.response.dto';

@ApiTags('imports')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/imports')
export class ListImportRowsHttpController {
  constructor(private readonly handler: ListImportRowsHandler) {}

  @Get(':id/rows')
  @Access('integration', 'tpps', 'admin')
  @PersonalData()
  @ApiOperation({
    summary: 'What became of each row: JSON pages, or the uploaded file with outcome columns (xlsx or csv)',
  })
  @ApiProduces('application/json', XLSX_TYPE, 'text/csv')
  @ApiOkResponse({ type: ImportRowsResponse, description: 'format=json; xlsx and csv are the file itself' })
  @ApiRefusals(400, 404, { status: 410, description: 'The uploaded file is no longer kept: the JSON rows remain' })
  async rows(
    @CurrentPrincipal() principal: Principal,
    @Param('id', importIdPipe) id: string,
    @Query() query: ListImportRowsQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportRowsResponse | undefined> {
    if (query.format === 'json') return this.handler.page(principal, id, query);
    const download = await this.handler.download(principal, id, query.format);
    if (!download)
      throw new GoneException(
        'the uploaded file is no longer kept (files are shredded 30 days after their import ends): the outcomes remain, as JSON (format=json)',
      );
    response.type(query.format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8');
    response.attachment(download.fileName);
    await download.write(response);
    return undefined;
  }
}
