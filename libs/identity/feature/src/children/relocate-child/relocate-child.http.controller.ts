import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals, uuidParam } from '@registry/platform';
import type { Request } from 'express';
import { RelocateChildHandler } from './relocate-child.handler';
import { RelocateChildRequest } from './relocate-child.request.dto';
import { RelocateChildResponse } from './relocate-child.response.dto';

@ApiTags('children')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/children')
export class RelocateChildHttpController {
  constructor(private readonly handler: RelocateChildHandler) {}

  @Post(':id/relocations')
  @Access('integration', 'kader', 'tpps', 'admin')
  @ApiOperation({ summary: 'Record a move; across kabupaten the child becomes visible to the new TPPS from then on' })
  @ApiCreatedResponse({ type: RelocateChildResponse })
  @ApiRefusals(404, { status: 409, description: 'The child is merged or has died' }, 422)
  relocate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a child id')) id: string,
    @Body() request: RelocateChildRequest,
    @Req() http: Request,
  ) {
    return this.handler.relocate(principal, id, request, String(http.id));
  }
}
