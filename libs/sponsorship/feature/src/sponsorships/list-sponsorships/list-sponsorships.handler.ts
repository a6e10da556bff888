import { Injectable } from '@nestjs/common';
import { OutOfScopeError, regencyScope, type Principal } from '@registry/access';
import { EventStore } from '@registry/event-store';
import { Regions } from '@registry/regions';
import type { SponsorshipStatus } from '@registry/sponsorship-domain';
import { invalid } from '../sponsorship-errors';
import { SponsorshipReads } from '../sponsorship-reads';
import { sponsorshipView } from '../sponsorship-view';
import { SponsorshipWriter } from '../sponsorship-writer';

/** The pledges of a regency with their fulfilment today (the injected clock's), filtered by where they stand. */
@Injectable()
export class ListSponsorshipsHandler {
  constructor(
    private readonly reads: SponsorshipReads,
    private readonly writer: SponsorshipWriter,
    private readonly store: EventStore,
    private readonly regions: Regions,
  ) {}

  async list(principal: Principal, requestedRegency: string | undefined, status: SponsorshipStatus | undefined) {
    const regencyCode = this.regencyOf(principal, requestedRegency);
    const today = this.writer.today();
    const sponsorships = await this.reads.find(regencyCode === null ? {} : { regencyCode });
    const sponsorTypes = await this.sponsorTypes([...new Set(sponsorships.map((s) => s.sponsorId))]);
    const items = sponsorships
      .map((sponsorship) => ({
        ...sponsorshipView(sponsorship, today),
        sponsorType: sponsorTypes.get(sponsorship.sponsorId) ?? null,
      }))
      .filter((item) => status === undefined || item.status === status);
    return { asOf: today, regencyCode, items };
  }

  /** A TPPS sees its own regency (another is 404, as for records); national roles the one they ask for, or all. */
  private regencyOf(principal: Principal, requested: string | undefined): string | null {
    if (requested !== undefined && this.regions.find(requested)?.level !== 'regency') {
      throw invalid('regencyCode', `${requested} is not a known kabupaten/kota code (Kemendagri)`);
    }
    const scope = regencyScope(principal);
    switch (scope.kind) {
      case 'all':
        return requested ?? null;
      case 'regency':
        if (requested !== undefined && requested !== scope.regencyCode) {
          throw new OutOfScopeError(`regency ${requested}`);
        }
        return scope.regencyCode;
      case 'none':
        throw new OutOfScopeError('sponsorships');
    }
  }

  private async sponsorTypes(sponsorIds: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await this.store.pool.query<{ sponsor_id: string; type: string }>(
      'SELECT sponsor_id, type FROM sponsorship_sponsors WHERE sponsor_id = ANY($1::uuid[])',
      [sponsorIds],
    );
    return new Map(rows.map((row) => [row.sponsor_id, row.type]));
  }
}
