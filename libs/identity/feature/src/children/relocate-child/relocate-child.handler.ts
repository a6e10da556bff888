import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { invalid } from '../child-errors';
import { ChildWriter } from '../child-writer';
import type { RelocateChildRequest } from './relocate-child.request.dto';

/** A move; across kabupaten the child becomes visible to the new TPPS from then on. */
@Injectable()
export class RelocateChildHandler {
  constructor(private readonly writer: ChildWriter) {}

  async relocate(principal: Principal, id: string, request: RelocateChildRequest, correlationId?: string) {
    const village = this.writer.regions.find(request.villageCode);
    if (village?.level !== 'village')
      throw invalid('villageCode', `${request.villageCode} is not a known desa/kelurahan code`);
    const regencyCode = this.writer.regions.ancestor(village.code, 'regency')!.code;
    const { version } = await this.writer.changeWritable(
      principal,
      id,
      {
        type: 'RelocateChild',
        data: { villageCode: village.code, districtCode: village.parentCode!, regencyCode, movedOn: request.movedOn },
      },
      correlationId,
    );
    return { id, version, villageCode: village.code, regencyCode };
  }
}
