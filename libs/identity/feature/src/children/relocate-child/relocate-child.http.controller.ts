import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { uuidParam } from '@registry/platform';
import type { Request } from 'express';
import { RelocateChildHandler } from './relocate-child.handler';
import { RelocateChildRequest } from './relocate-child.request.dto';

@ApiTags('children')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/children')
export class RelocateChildHttpController {
  constructor(private readonly handler: RelocateChildHandler) {}

  @Post(':id/relocations')
  @Access('integration', 'kader', 'tpps', 'admin')
  @ApiOperation({ summary: 'Record a move; across kabupaten the child becomes visible to the new TPPS from then on' })
  relocate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a child id')) id: string,
    @Body() request: RelocateChildRequest,
    @Req() http: Request,
  ) {
    return this.handler.relocate(principal, id, request, String(http.id));
  }
}
