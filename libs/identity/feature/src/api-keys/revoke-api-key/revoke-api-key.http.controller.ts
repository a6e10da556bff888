import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import { RevokeApiKeyHandler } from './revoke-api-key.handler';
import { RevokedApiKeyResponse } from '../api-key.response.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1/api-keys')
export class RevokeApiKeyHttpController {
  constructor(private readonly handler: RevokeApiKeyHandler) {}

  @Post(':keyId/revoke')
  @HttpCode(200)
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'Revoke a key; every service refuses it once the event reaches it' })
  @ApiOkResponse({ type: RevokedApiKeyResponse })
  @ApiRefusals(404, { status: 409, description: 'Revoked already' })
  revoke(@CurrentPrincipal() principal: Principal, @Param('keyId') keyId: string) {
    return this.handler.revoke(principal, keyId);
  }
}
