import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import { IssueApiKeyHandler } from './issue-api-key.handler';
import { IssueApiKeyRequest } from './issue-api-key.request.dto';
import { IssuedApiKeyResponse } from '../api-key.response.dto';

/**
 * API keys for kabupaten integrations: shown once, stored hashed, named, revocable, scoped to one regency.
 * Issuing and revoking are events, which every service copies to check keys locally.
 */
@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1/api-keys')
export class IssueApiKeyHttpController {
  constructor(private readonly handler: IssueApiKeyHandler) {}

  @Post()
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'Issue an integration API key for a regency; the key is in this answer only' })
  @ApiCreatedResponse({ type: IssuedApiKeyResponse })
  @ApiRefusals({ status: 404, description: 'Another regency than yours' }, 422)
  issue(@CurrentPrincipal() principal: Principal, @Body() request: IssueApiKeyRequest) {
    return this.handler.issue(principal, request);
  }
}
