import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Access, CurrentPrincipal, type Principal } from '@registry/access';
import { uuidParam } from '@registry/platform';
import type { Request } from 'express';
import { invalid } from '../child-errors';
import { ChildWriter } from '../child-writer';
import { RelocateChildRequest } from './relocate-child.request.dto';

@ApiTags('children')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('v1/children')
export class RelocateChildHttpController {
  constructor(private readonly writer: ChildWriter) {}

  @Post(':id/relocations')
  @Access('integration', 'kader', 'tpps', 'admin')
  @ApiOperation({ summary: 'Record a move; across kabupaten the child becomes visible to the new TPPS from then on' })
  async relocate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id', 'a child id')) id: string,
    @Body() request: RelocateChildRequest,
    @Req() http: Request,
  ) {
    const village = this.writer.regions.find(request.villageCode);
    if (village?.level !== 'village')
      throw invalid('villageCode', `${request.villageCode} is not a known desa/kelurahan code`);
    const regencyCode = this.writer.regions.ancestor(village.code, 'regency')!.code;
    return this.writer.store.withTransaction(async (session) => {
      await this.writer.loadWritable(session, principal, id);
      const { version } = await this.writer.execute(
        session,
        principal,
        id,
        {
          type: 'RelocateChild',
          data: { villageCode: village.code, districtCode: village.parentCode!, regencyCode, movedOn: request.movedOn },
        },
        { correlationId: String(http.id) },
      );
      return { id, version, villageCode: village.code, regencyCode };
    });
  }
}
