import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { ApiRefusals } from '@registry/platform';
import type { PosyanduView } from '../posyandu-list';
import { ListPosyanduHandler } from './list-posyandu.handler';
import { ListPosyanduQuery } from './list-posyandu.request.dto';
import { PosyanduListResponse } from '../posyandu.response.dto';

@ApiTags('posyandu')
@ApiBearerAuth()
@Controller('v1/posyandu')
export class ListPosyanduHttpController {
  constructor(private readonly handler: ListPosyanduHandler) {}

  @Get()
  @Access('tpps', 'statistician', 'admin')
  @ApiOperation({ summary: 'The posyandu of a kabupaten, kecamatan or desa, by desa and name' })
  @ApiOkResponse({ type: PosyanduListResponse })
  @ApiRefusals(
    { status: 404, description: 'A region outside your regency' },
    { status: 422, description: 'Unknown region code' },
  )
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListPosyanduQuery,
  ): Promise<{ items: PosyanduView[] }> {
    return { items: await this.handler.list(principal, query.regionCode) };
  }
}
