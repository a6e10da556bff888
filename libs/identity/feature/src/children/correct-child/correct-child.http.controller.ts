import { Body, Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals, uuidParam } from '@registry/platform';
import type { Request } from 'express';
import { CorrectChildHandler } from './correct-child.handler';
import { CorrectChildRequest } from './correct-child.request.dto';
import { versionFromIfMatch } from './if-match';
import { CorrectChildResponse } from './correct-child.response.dto';

@ApiTags('children')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/children')
export class CorrectChildHttpController {
  constructor(private readonly handler: CorrectChildHandler) {}

  @Post(':id/corrections')
  @HttpCode(200)
  @Access('integration', 'kader', 'tpps', 'admin')
  @ApiOperation({ summary: 'Correct a registration (a new event; history keeps the old values). Stale If-Match → 409' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version of the child being corrected' })
  @ApiOkResponse({ type: CorrectChildResponse })
  @ApiRefusals(
    404,
    {
      status: 409,
      description: 'If-Match is not the current version (currentVersion says which is), or the record is merged',
    },
    { status: 412, description: 'If-Match is missing or is not a version' },
    422,
  )
  correct(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a child id')) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() request: CorrectChildRequest,
    @Req() http: Request,
  ) {
    return this.handler.correct(principal, id, versionFromIfMatch(ifMatch), request, String(http.id));
  }
}
