import type { EventEnvelope } from '@registry/contracts';
import type { SponsorEvent, SponsorshipEvent } from '@registry/sponsorship-domain';
import type { ClientBase } from 'pg';

export const sponsorStreamId = (sponsorId: string): string => `sponsor-${sponsorId}`;
/** All sponsorships of one child share a stream: the child is where the rules between them hold. */
export const sponsorshipsStreamId = (childId: string): string => `sponsorships-${childId}`;

/**
 * Keeps the sponsors, sponsorships, contributions and notices tables in step with the service's own streams.
 * Applied inline, in the append's transaction, so a read after a write sees it; the same function rebuilds them.
 */
export class SponsorshipReadModel {
  readonly tables = [
    'sponsorship_sponsors',
    'sponsorship_sponsorships',
    'sponsorship_contributions',
    'sponsorship_notices',
  ] as const;

  async apply(client: ClientBase, envelope: EventEnvelope): Promise<void> {
    const event = { type: envelope.type, data: envelope.data } as SponsorEvent | SponsorshipEvent;
    const at = envelope.recordedAt;
    switch (event.type) {
      case 'sponsor.registered': {
        const { sponsorId, type, regencyCode, personalDataVersion } = event.data;
        await client.query(
          `INSERT INTO sponsorship_sponsors (sponsor_id, type, regency_code, personal_data_version, registered_at)
           VALUES ($1, $2, $3, $4, $5)`,
          [sponsorId, type, regencyCode, personalDataVersion, at],
        );
        return;
      }
      case 'sponsorship.pledged': {
        const { sponsorshipId, childId, sponsorId, regencyCode, commitment, agreementRef } = event.data;
        await client.query(
          `INSERT INTO sponsorship_sponsorships (sponsorship_id, child_id, sponsor_id, regency_code, kind, description,
             amount_idr, start_on, months, agreement_ref, pledged_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
          [
            sponsorshipId,
            childId,
            sponsorId,
            regencyCode,
            commitment.kind,
            commitment.description,
            commitment.amountIdr,
            commitment.startOn,
            commitment.months,
            agreementRef,
            at,
          ],
        );
        return;
      }
      case 'sponsorship.contribution-recorded': {
        const { contributionId, sponsorshipId, date, amountIdr, items, evidenceRef } = event.data;
        await client.query(
          `INSERT INTO sponsorship_contributions (contribution_id, sponsorship_id, date, amount_idr, items, evidence_ref, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            contributionId,
            sponsorshipId,
            date,
            amountIdr,
            items === null ? null : JSON.stringify(items),
            evidenceRef,
            at,
          ],
        );
        await touch(client, sponsorshipId, at);
        return;
      }
      case 'sponsorship.ended': {
        const { sponsorshipId, endedOn, cause, notice } = event.data;
        await client.query(
          'UPDATE sponsorship_sponsorships SET ended_on = $2, end_cause = $3, updated_at = $4 WHERE sponsorship_id = $1',
          [sponsorshipId, endedOn, cause, at],
        );
        await addNotice(client, envelope, sponsorshipId, 'ended', endedOn, notice);
        return;
      }
      case 'sponsorship.transferred': {
        const { sponsorshipId, toRegencyCode, transferredOn, notice } = event.data;
        await client.query(
          'UPDATE sponsorship_sponsorships SET regency_code = $2, updated_at = $3 WHERE sponsorship_id = $1',
          [sponsorshipId, toRegencyCode, at],
        );
        await addNotice(client, envelope, sponsorshipId, 'transferred', transferredOn, notice);
        return;
      }
      default: {
        const unknown: never = event;
        throw new Error(`unknown sponsorship event ${(unknown as SponsorshipEvent).type}`);
      }
    }
  }
}

const touch = (client: ClientBase, sponsorshipId: string, at: string) =>
  client.query('UPDATE sponsorship_sponsorships SET updated_at = $2 WHERE sponsorship_id = $1', [sponsorshipId, at]);

const addNotice = (
  client: ClientBase,
  envelope: EventEnvelope,
  sponsorshipId: string,
  kind: 'ended' | 'transferred',
  on: string,
  notice: string,
) =>
  client.query(
    `INSERT INTO sponsorship_notices (event_id, sponsorship_id, kind, on_date, notice, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [envelope.eventId, sponsorshipId, kind, on, notice, envelope.recordedAt],
  );
