import { Controller, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { Access, CurrentPrincipal, PersonalData, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import type { Request, Response } from 'express';
import { E_PPGBM_UPLOAD } from '../e-ppgbm-upload';
import { GetImportHandler } from '../get-import/get-import.handler';
import { credentialOf } from '../uploader-credential';
import { ImportResponse } from '../import.response.dto';
import { StartImportHandler } from './start-import.handler';
import { StartImportQuery } from './start-import.request.dto';

@ApiTags('imports')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/imports')
export class StartImportHttpController {
  constructor(
    private readonly handler: StartImportHandler,
    private readonly view: GetImportHandler,
  ) {}

  @Post('e-ppgbm')
  @HttpCode(202)
  @Access('integration', 'tpps')
  @PersonalData()
  @ApiOperation({
    summary: 'Upload an e-PPGBM export (.xlsx or .csv) of your regency; it is imported in the background',
    description:
      'The file is the body. Answers at once with the job (GET /v1/imports/{id} follows it). Rows become registrations ' +
      'and measurements through the same rules as the APIs, in your name; uploading the same file again answers its job.',
  })
  @ApiConsumes(...E_PPGBM_UPLOAD.types)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({
    type: ImportResponse,
    headers: { Location: { description: 'The job', schema: { type: 'string' } } },
  })
  @ApiRefusals(
    { status: 400, description: 'The body is empty, or a parameter is malformed' },
    { status: 413, description: 'The file is larger than 200 MB: export the regency in parts' },
    { status: 415, description: 'The body is not sent as a spreadsheet or CSV file' },
  )
  async start(
    @CurrentPrincipal() principal: Principal,
    @Query() query: StartImportQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ImportResponse> {
    const { job, reused } = await this.handler.start(principal, credentialOf(request), request, {
      fileName: query.fileName ?? 'e-ppgbm',
      dryRun: query.dryRun,
    });
    response.location(`/v1/imports/${job.id}`);
    return this.view.view(job, reused);
  }
}
