import { Injectable } from '@nestjs/common';
import { actorOf, assertCanWriteAt, canSee, type Principal } from '@registry/access';
import { uuidV7 } from '@registry/contracts';
import { IdempotencyRecords, type StoredResponse } from '@registry/platform';
import { findKnownChild } from '../../infrastructure/known-children';
import { findSponsor } from '../../infrastructure/sponsors';
import { invalid } from '../sponsorship-errors';
import { sponsorshipIn, sponsorshipView } from '../sponsorship-view';
import { SponsorshipWriter } from '../sponsorship-writer';
import type { PledgeRequest } from './pledge.request.dto';

@Injectable()
export class PledgeHandler {
  constructor(private readonly writer: SponsorshipWriter) {}

  /** Records a sponsor's pledge to a child of the caller's regency, as signed in the Berita Acara. */
  pledge(
    principal: Principal,
    request: PledgeRequest,
    options: { readonly idempotencyKey?: string; readonly correlationId?: string },
  ): Promise<StoredResponse> {
    return this.writer.store.withTransaction((session) =>
      IdempotencyRecords.answerOnce(session.client, principal.subject, options.idempotencyKey, request, async () => {
        if ((await findSponsor(session.client, request.sponsorId)) === null) {
          throw invalid(
            'sponsorId',
            `no sponsor ${request.sponsorId} is registered: register it with POST /v1/sponsors`,
          );
        }
        // Held until commit: a death or move of this child is decided before or after this pledge, never beside it.
        const known = await findKnownChild(session.client, request.childId, { lock: true });
        const child = known !== null && canSee(principal, known.regencyCode) ? known : null;
        if (child) assertCanWriteAt(principal, { regencyCode: child.regencyCode }, `child ${child.childId}`);
        const sponsorshipId = uuidV7(this.writer.clock().getTime());
        const { state } = await this.writer.execute(
          session,
          actorOf(principal),
          request.childId,
          {
            type: 'Pledge',
            data: {
              sponsorshipId,
              sponsorId: request.sponsorId,
              child,
              commitment: { ...request.commitment, amountIdr: request.commitment.amountIdr ?? null },
              agreementRef: request.agreementRef,
            },
          },
          { correlationId: options.correlationId },
        );
        return {
          status: 201,
          body: sponsorshipView(sponsorshipIn(state, sponsorshipId), this.writer.today()),
        };
      }),
    );
  }
}
