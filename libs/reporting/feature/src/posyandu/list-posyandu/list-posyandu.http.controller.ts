import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { EventStore } from '@registry/event-store';
import { Regions } from '@registry/regions';
import { IsOptional, Matches } from 'class-validator';
import { invalidRegion } from '../../reports/report-errors';
import { reportRegion } from '../../reports/report-scope';
import { listPosyandu, type PosyanduView } from '../posyandu-list';

export class ListPosyanduQuery {
  @ApiPropertyOptional({ example: '36.03.20', description: 'A kabupaten, kecamatan or desa; default: your kabupaten' })
  @IsOptional()
  @Matches(/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/, {
    message: 'regionCode must be a kabupaten, kecamatan or desa code, e.g. 36.03 or 36.03.20',
  })
  regionCode?: string;
}

@ApiTags('posyandu')
@ApiBearerAuth()
@Controller('v1/posyandu')
export class ListPosyanduHttpController {
  constructor(
    private readonly store: EventStore,
    private readonly regions: Regions,
  ) {}

  @Get()
  @Access('tpps', 'statistician', 'admin')
  @ApiOperation({ summary: 'The posyandu of a kabupaten, kecamatan or desa, by desa and name' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListPosyanduQuery,
  ): Promise<{ items: PosyanduView[] }> {
    const region = reportRegion(principal, query.regionCode);
    if (region === null)
      throw new BadRequestException({
        message: 'regionCode is required for a national role: name a kabupaten, kecamatan or desa, e.g. 36.03',
        field: 'regionCode',
      });
    if (!this.regions.find(region)) throw invalidRegion(region);
    return { items: await listPosyandu(this.store.pool, region) };
  }
}
