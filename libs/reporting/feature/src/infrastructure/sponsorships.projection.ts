import { Injectable } from '@nestjs/common';
import type { EventEnvelope, SponsorshipEventData } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import type { PoolClient } from 'pg';

/** Pledges and their ends: whether a priority child has a sponsor. */
@Injectable()
export class ReportingSponsorshipsProjection implements Projection {
  readonly name = 'reporting-sponsorships';
  readonly tables = ['reporting_sponsorships'];

  handles(type: string): boolean {
    return type === 'sponsorship.pledged' || type === 'sponsorship.ended';
  }

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    if (event.type === 'sponsorship.pledged') {
      const d = event.data as SponsorshipEventData<'sponsorship.pledged'>;
      await client.query(
        `INSERT INTO reporting_sponsorships (sponsorship_id, child_id, status, start_on, months) VALUES ($1, $2, 'pledged', $3, $4)
         ON CONFLICT (sponsorship_id) DO NOTHING`,
        [d.sponsorshipId, d.childId, d.commitment.startOn, d.commitment.months],
      );
    } else if (event.type === 'sponsorship.ended') {
      const d = event.data as SponsorshipEventData<'sponsorship.ended'>;
      await client.query(`UPDATE reporting_sponsorships SET status = 'ended' WHERE sponsorship_id = $1`, [
        d.sponsorshipId,
      ]);
    }
  }
}
