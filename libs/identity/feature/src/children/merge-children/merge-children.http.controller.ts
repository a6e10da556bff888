import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals, uuidParam } from '@registry/platform';
import { IsUUID } from 'class-validator';
import type { Request } from 'express';
import { MergeChildrenHandler } from './merge-children.handler';
import { ReasonRequest } from '../reason.request.dto';
import { MergeChildResponse, UnmergeChildResponse } from './merge-children.response.dto';

export class MergeChildRequest extends ReasonRequest {
  @ApiProperty({ description: 'The surviving record; this one is merged into it' })
  @IsUUID('all', { message: 'intoChildId must be a child id (UUID)' })
  intoChildId: string;
}

/** Merging and unmerging duplicates are events too: downstream services follow them, and both can be undone. */
@ApiTags('children')
@ApiBearerAuth()
@Controller('v1/children')
export class MergeChildrenHttpController {
  constructor(private readonly handler: MergeChildrenHandler) {}

  @Post(':id/merge')
  @HttpCode(200)
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'Merge this duplicate record into the surviving child' })
  @ApiOkResponse({ type: MergeChildResponse })
  @ApiRefusals(404, { status: 409, description: 'Either child is not active' }, 422)
  merge(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a child id')) id: string,
    @Body() request: MergeChildRequest,
    @Req() http: Request,
  ) {
    return this.handler.merge(principal, id, request, String(http.id));
  }

  @Post(':id/unmerge')
  @HttpCode(200)
  @Access('tpps', 'admin')
  @ApiOperation({ summary: 'Undo a merge: the record is active again' })
  @ApiOkResponse({ type: UnmergeChildResponse })
  @ApiRefusals(404, { status: 409, description: 'The child is not merged' })
  unmerge(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a child id')) id: string,
    @Body() request: ReasonRequest,
    @Req() http: Request,
  ) {
    return this.handler.unmerge(principal, id, request, String(http.id));
  }
}
