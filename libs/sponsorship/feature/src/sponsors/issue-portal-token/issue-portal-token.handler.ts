import { Injectable } from '@nestjs/common';
import { assertCanWriteAt, OutOfScopeError, type Principal } from '@registry/access';
import { EventStore } from '@registry/event-store';
import { findSponsor } from '../../infrastructure/sponsors';
import { PortalCredentials } from '../portal-credentials';

/** Portal tokens expire (DEV_TOKEN_TTL_SECONDS): the sponsor's TPPS hands out a fresh one. */
@Injectable()
export class IssuePortalTokenHandler {
  constructor(
    private readonly store: EventStore,
    private readonly credentials: PortalCredentials,
  ) {}

  async issue(principal: Principal, id: string) {
    const sponsor = await findSponsor(this.store.pool, id);
    if (sponsor === null) throw new OutOfScopeError(`sponsor ${id}`);
    assertCanWriteAt(principal, { regencyCode: sponsor.regencyCode }, `sponsor ${id}`);
    return { sponsorId: id, portal: await this.credentials.issue(id) };
  }
}
