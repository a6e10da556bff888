import { Injectable } from '@nestjs/common';
import { actorOf, assertCanWriteAt, type Principal } from '@registry/access';
import { sponsorshipIn, sponsorshipView } from '../sponsorship-view';
import { SponsorshipWriter } from '../sponsorship-writer';

/** Ends a sponsorship today; the reason becomes a notice the sponsor reads in the portal. */
@Injectable()
export class EndSponsorshipHandler {
  constructor(private readonly writer: SponsorshipWriter) {}

  end(principal: Principal, id: string, reason: string, correlationId?: string) {
    return this.writer.store.withTransaction(async (session) => {
      const place = await this.writer.findVisible(session.client, principal, id);
      assertCanWriteAt(principal, { regencyCode: place.regencyCode }, `sponsorship ${id}`);
      const { state } = await this.writer.execute(
        session,
        actorOf(principal),
        place.childId,
        { type: 'EndSponsorship', data: { sponsorshipId: id, reason } },
        { correlationId },
      );
      const sponsorship = sponsorshipIn(state, id);
      return { ...sponsorshipView(sponsorship, this.writer.today()), notice: sponsorship.ended?.notice ?? null };
    });
  }
}
