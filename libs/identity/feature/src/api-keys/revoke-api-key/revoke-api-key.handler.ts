import { Inject, Injectable } from '@nestjs/common';
import { assertInScope, type Principal } from '@registry/access';
import { CLOCK, type Clock } from '@registry/contracts';
import { aggregateStream, EventStore, handleCommand } from '@registry/event-store';
import { decideApiKey } from '@registry/identity-domain';
import { apiKeyHandling, apiKeyStreamId } from '../api-key-stream';

/** Revokes a key of the caller's regency; every service refuses it once the event reaches it. */
@Injectable()
export class RevokeApiKeyHandler {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  revoke(principal: Principal, keyId: string) {
    const streamId = apiKeyStreamId(keyId);
    const revokedAt = this.clock().toISOString();
    return this.store.withTransaction(async (session) => {
      const { state } = await aggregateStream(session, streamId, apiKeyHandling(principal, ''));
      // A key never issued is refused by the decider (404); another regency's is as unknown as that.
      const regencyCode = state.status === 'none' ? '' : state.regencyCode;
      if (state.status !== 'none') assertInScope(principal, regencyCode, `API key ${keyId}`);
      await handleCommand(
        session,
        streamId,
        (current) => decideApiKey({ type: 'RevokeApiKey', data: { keyId, revokedAt } }, current),
        apiKeyHandling(principal, regencyCode),
      );
      return { keyId, revokedAt };
    });
  }
}
