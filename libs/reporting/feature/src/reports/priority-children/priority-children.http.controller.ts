import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, PersonalData, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import { PriorityChildrenHandler } from './priority-children.handler';
import { PriorityChildrenRequest } from './priority-children.request.dto';
import { PriorityChildrenResponse } from './priority-children.response.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class PriorityChildrenHttpController {
  constructor(private readonly handler: PriorityChildrenHandler) {}

  @Get('priority-children')
  @Access('tpps', 'admin')
  @PersonalData()
  @ApiOperation({
    summary: 'The by-name list: stunted, wasted, 2T, BGM and unweighed children with what each still lacks',
  })
  @ApiOkResponse({ type: PriorityChildrenResponse })
  @ApiRefusals({ status: 404, description: 'A region outside your regency' }, 422)
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() request: PriorityChildrenRequest,
    @Headers('authorization') authorization: string,
  ) {
    return this.handler.list(principal, request, authorization);
  }
}
