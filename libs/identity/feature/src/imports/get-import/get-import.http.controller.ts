import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import { importIdPipe } from '../import-id.pipe';
import { ImportResponse } from '../import.response.dto';
import { GetImportHandler } from './get-import.handler';

@ApiTags('imports')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/imports')
export class GetImportHttpController {
  constructor(private readonly handler: GetImportHandler) {}

  @Get(':id')
  @Access('integration', 'tpps', 'admin')
  @ApiOperation({ summary: 'An import: its status, phase and counts of outcomes so far' })
  @ApiOkResponse({ type: ImportResponse })
  @ApiRefusals(404)
  get(@CurrentPrincipal() principal: Principal, @Param('id', importIdPipe) id: string): Promise<ImportResponse> {
    return this.handler.get(principal, id);
  }
}
