import type { FilterQuery } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { EventStore } from '@registry/event-store';
import type { Contribution } from '@registry/sponsorship-domain';
import { SponsorshipRecord } from '../infrastructure/sponsorship-record.entity';
import type { SponsorshipFacts } from './sponsorship-view';

/** Sponsorships with their contributions from the read models, in the shape the domain computes fulfilment on. */
@Injectable()
export class SponsorshipReads {
  constructor(
    private readonly em: EntityManager,
    private readonly store: EventStore,
  ) {}

  /** `where` must carry the caller's tenancy (a regency, a sponsor or children already checked). */
  async find(where: FilterQuery<SponsorshipRecord>): Promise<SponsorshipFacts[]> {
    const records = await this.em
      .fork()
      .find(SponsorshipRecord, where, { orderBy: { startOn: 'asc', pledgedAt: 'asc', sponsorshipId: 'asc' } });
    const contributions = await this.contributionsOf(records.map((record) => record.sponsorshipId));
    return records.map((record) => ({
      sponsorshipId: record.sponsorshipId,
      sponsorId: record.sponsorId,
      childId: record.childId,
      regencyCode: record.regencyCode,
      commitment: {
        kind: record.kind,
        description: record.description,
        amountIdr: record.amountIdr,
        startOn: record.startOn,
        months: record.months,
      },
      agreementRef: record.agreementRef,
      contributions: contributions.get(record.sponsorshipId) ?? [],
      ended:
        record.endedOn === null || record.endCause === null
          ? null
          : { cause: record.endCause, endedOn: record.endedOn },
    }));
  }

  private async contributionsOf(sponsorshipIds: readonly string[]): Promise<Map<string, Contribution[]>> {
    const { rows } = await this.store.pool.query<{
      sponsorship_id: string;
      contribution_id: string;
      date: string;
      amount_idr: number | null;
      items: Contribution['items'];
      evidence_ref: string | null;
    }>(
      `SELECT sponsorship_id, contribution_id, to_char(date, 'YYYY-MM-DD') AS date, amount_idr, items, evidence_ref
         FROM sponsorship_contributions WHERE sponsorship_id = ANY($1::uuid[]) ORDER BY date, recorded_at`,
      [sponsorshipIds],
    );
    const bySponsorship = new Map<string, Contribution[]>();
    for (const row of rows) {
      const contribution: Contribution = {
        contributionId: row.contribution_id,
        date: row.date,
        amountIdr: row.amount_idr,
        items: row.items,
        evidenceRef: row.evidence_ref,
      };
      bySponsorship.set(row.sponsorship_id, [...(bySponsorship.get(row.sponsorship_id) ?? []), contribution]);
    }
    return bySponsorship;
  }
}
