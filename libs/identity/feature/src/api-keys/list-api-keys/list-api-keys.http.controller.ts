import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ListApiKeysHandler } from './list-api-keys.handler';
import { ApiKeysResponse } from '../api-key.response.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1/api-keys')
export class ListApiKeysHttpController {
  constructor(private readonly handler: ListApiKeysHandler) {}

  @Get()
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'Keys of the regency (names and dates, never secrets)' })
  @ApiOkResponse({ type: ApiKeysResponse })
  list(@CurrentPrincipal() principal: Principal) {
    return this.handler.list(principal);
  }
}
