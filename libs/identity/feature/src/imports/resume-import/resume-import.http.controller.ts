import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import type { Request } from 'express';
import { importIdPipe } from '../import-id.pipe';
import { ImportResponse } from '../import.response.dto';
import { credentialOf } from '../uploader-credential';
import { ResumeImportHandler } from './resume-import.handler';

@ApiTags('imports')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/imports')
export class ResumeImportHttpController {
  constructor(private readonly handler: ResumeImportHandler) {}

  @Post(':id/resume')
  @HttpCode(200)
  @Access('integration', 'tpps')
  @ApiOperation({
    summary: 'Resume an import that waits for its uploader or stopped on an error; it goes on in your name',
  })
  @ApiOkResponse({ type: ImportResponse })
  @ApiRefusals(400, 403, 404, { status: 409, description: 'The import is queued, running or finished' })
  resume(
    @CurrentPrincipal() principal: Principal,
    @Param('id', importIdPipe) id: string,
    @Req() request: Request,
  ): Promise<ImportResponse> {
    return this.handler.resume(principal, id, credentialOf(request));
  }
}
