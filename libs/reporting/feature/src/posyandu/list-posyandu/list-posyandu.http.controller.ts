import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import type { PosyanduView } from '../posyandu-list';
import { ListPosyanduHandler } from './list-posyandu.handler';
import { ListPosyanduQuery } from './list-posyandu.request.dto';

@ApiTags('posyandu')
@ApiBearerAuth()
@Controller('v1/posyandu')
export class ListPosyanduHttpController {
  constructor(private readonly handler: ListPosyanduHandler) {}

  @Get()
  @Access('tpps', 'statistician', 'admin')
  @ApiOperation({ summary: 'The posyandu of a kabupaten, kecamatan or desa, by desa and name' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListPosyanduQuery,
  ): Promise<{ items: PosyanduView[] }> {
    return { items: await this.handler.list(principal, query.regionCode) };
  }
}
