import { Injectable } from '@nestjs/common';
import { actorOf, assertCanWriteAt, type Principal } from '@registry/access';
import { uuidV7 } from '@registry/contracts';
import { IdempotencyRecords, type StoredResponse } from '@registry/platform';
import { fulfilmentOn } from '@registry/sponsorship-domain';
import { fulfilmentInput, sponsorshipIn } from '../sponsorship-view';
import { SponsorshipWriter } from '../sponsorship-writer';
import type { RecordContributionRequest } from './record-contribution.request.dto';

@Injectable()
export class RecordContributionHandler {
  constructor(private readonly writer: SponsorshipWriter) {}

  /** Records what a sponsor gave, in cash or in kind; answers it with the sponsorship's fulfilment after it. */
  record(
    principal: Principal,
    sponsorshipId: string,
    request: RecordContributionRequest,
    options: { readonly idempotencyKey?: string; readonly correlationId?: string },
  ): Promise<StoredResponse> {
    return this.writer.store.withTransaction((session) =>
      IdempotencyRecords.answerOnce(
        session.client,
        principal.subject,
        options.idempotencyKey,
        { sponsorshipId, request },
        async () => {
          const place = await this.writer.findVisible(session.client, principal, sponsorshipId);
          assertCanWriteAt(principal, { regencyCode: place.regencyCode }, `sponsorship ${sponsorshipId}`);
          const contributionId = uuidV7(this.writer.clock().getTime());
          const contribution = {
            date: request.date,
            amountIdr: request.amountIdr ?? null,
            items: request.items?.map(({ name, quantity, unit }) => ({ name, quantity, unit })) ?? null,
            evidenceRef: request.evidenceRef ?? null,
          };
          const { state } = await this.writer.execute(
            session,
            actorOf(principal),
            place.childId,
            { type: 'RecordContribution', data: { sponsorshipId, contributionId, ...contribution } },
            { correlationId: options.correlationId },
          );
          const response: StoredResponse = {
            status: 201,
            body: {
              id: contributionId,
              sponsorshipId,
              ...contribution,
              fulfilment: fulfilmentOn(fulfilmentInput(sponsorshipIn(state, sponsorshipId)), this.writer.today()),
            },
          };
          return response;
        },
      ),
    );
  }
}
