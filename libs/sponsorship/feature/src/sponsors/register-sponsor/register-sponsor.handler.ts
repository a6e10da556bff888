import { Inject, Injectable } from '@nestjs/common';
import { actorOf, assertCanWriteAt, type Principal } from '@registry/access';
import { uuidV7, CLOCK, type Clock } from '@registry/contracts';
import { EventStore, type EventStoreSession, handleCommand } from '@registry/event-store';
import { IdempotencyRecords, type StoredResponse } from '@registry/platform';
import { Regions } from '@registry/regions';
import { decideSponsor, evolveSponsor, initialSponsor, type SponsorCommand } from '@registry/sponsorship-domain';
import { SponsorPersonalDataVault } from '../../infrastructure/sponsor-personal-data-vault';
import { sponsorStreamId, SponsorshipReadModel } from '../../infrastructure/sponsorship.read-model';
import { invalid } from '../../sponsorships/sponsorship-errors';
import type { RegisterSponsorRequest } from './register-sponsor.request.dto';

/** Registers a sponsor: its name and contact sealed beside the events, sponsor.registered naming them by hash. */
@Injectable()
export class RegisterSponsorHandler {
  constructor(
    private readonly store: EventStore,
    private readonly readModel: SponsorshipReadModel,
    private readonly vault: SponsorPersonalDataVault,
    private readonly regions: Regions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async register(
    principal: Principal,
    request: RegisterSponsorRequest,
    options: { readonly idempotencyKey?: string; readonly correlationId?: string },
  ): Promise<StoredResponse> {
    if (this.regions.find(request.regencyCode)?.level !== 'regency') {
      throw invalid('regencyCode', `${request.regencyCode} is not a known kabupaten/kota code (Kemendagri)`);
    }
    assertCanWriteAt(principal, { regencyCode: request.regencyCode }, `regency ${request.regencyCode}`);
    return this.store.withTransaction((session) =>
      IdempotencyRecords.answerOnce(session.client, principal.subject, options.idempotencyKey, request, () =>
        this.write(session, principal, request, options.correlationId),
      ),
    );
  }

  private async write(
    session: EventStoreSession,
    principal: Principal,
    request: RegisterSponsorRequest,
    correlationId?: string,
  ): Promise<StoredResponse> {
    const sponsorId = uuidV7(this.clock().getTime());
    const personalData = await this.vault.seal(session.client, sponsorId, 1, {
      name: request.name,
      contact: request.contact,
    });
    const command: SponsorCommand = {
      type: 'RegisterSponsor',
      data: { sponsorId, type: request.type, regencyCode: request.regencyCode, ...personalData },
    };
    await handleCommand(session, sponsorStreamId(sponsorId), (state) => decideSponsor(command, state), {
      evolve: evolveSponsor,
      initialState: initialSponsor,
      describe: (event) => ({
        subjectId: sponsorId,
        regencyCode: event.data.regencyCode,
        actor: actorOf(principal),
        correlationId,
      }),
      project: async ({ client }, envelopes) => {
        for (const envelope of envelopes) await this.readModel.apply(client, envelope);
      },
    });
    return { status: 201, body: { sponsorId, type: request.type, regencyCode: request.regencyCode } };
  }
}
