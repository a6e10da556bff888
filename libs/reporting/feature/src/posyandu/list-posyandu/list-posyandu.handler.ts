import { Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { RuleViolation } from '@registry/contracts';
import { EventStore } from '@registry/event-store';
import { Regions } from '@registry/regions';
import { invalidRegion } from '../../reports/report-errors';
import { reportRegion } from '../../reports/report-scope';
import { listPosyandu, type PosyanduView } from '../posyandu-list';

/** The posyandu of a kabupaten, kecamatan or desa the caller may see: a TPPS's own kabupaten by default. */
@Injectable()
export class ListPosyanduHandler {
  constructor(
    private readonly store: EventStore,
    private readonly regions: Regions,
  ) {}

  async list(principal: Principal, regionCode: string | undefined): Promise<PosyanduView[]> {
    const region = reportRegion(principal, regionCode);
    if (region === null)
      throw new RuleViolation(
        'malformed',
        'regionCode',
        'is required for a national role: name a kabupaten, kecamatan or desa, e.g. 36.03',
      );
    if (!this.regions.find(region)) throw invalidRegion(region);
    return listPosyandu(this.store.pool, region);
  }
}
