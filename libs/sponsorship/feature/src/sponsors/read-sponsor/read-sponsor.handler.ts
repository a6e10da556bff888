import { Injectable } from '@nestjs/common';
import { actorOf, assertInScope, OutOfScopeError, type Principal } from '@registry/access';
import { EventStore } from '@registry/event-store';
import { SponsorPersonalDataVault } from '../../infrastructure/sponsor-personal-data-vault';
import { findSponsor } from '../../infrastructure/sponsors';

/**
 * A sponsor with its name and contact, for the TPPS that looks after it. Each read is recorded (who, when, which
 * sponsor, which route) in the transaction that opens the sealed data: no read goes unrecorded.
 */
@Injectable()
export class ReadSponsorHandler {
  constructor(
    private readonly store: EventStore,
    private readonly vault: SponsorPersonalDataVault,
  ) {}

  read(principal: Principal, sponsorId: string, endpoint: string) {
    return this.store.withTransaction(async ({ client }) => {
      const sponsor = await findSponsor(client, sponsorId);
      if (sponsor === null) throw new OutOfScopeError(`sponsor ${sponsorId}`);
      assertInScope(principal, sponsor.regencyCode, `sponsor ${sponsorId}`);
      const personalData = await this.vault.open(client, sponsorId, sponsor.personalDataVersion);
      await client.query(
        'INSERT INTO sponsorship_personal_data_reads (sponsor_id, actor, endpoint) VALUES ($1, $2, $3)',
        [sponsorId, JSON.stringify(actorOf(principal)), endpoint],
      );
      return {
        id: sponsorId,
        type: sponsor.type,
        regencyCode: sponsor.regencyCode,
        registeredAt: sponsor.registeredAt.toISOString(),
        personalData,
      };
    });
  }
}
