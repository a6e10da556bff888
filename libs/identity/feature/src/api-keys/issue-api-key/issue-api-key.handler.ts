import { Inject, Injectable } from '@nestjs/common';
import { assertInScope, issueApiKey, type Principal } from '@registry/access';
import { CLOCK, type Clock } from '@registry/contracts';
import { EventStore, handleCommand } from '@registry/event-store';
import { decideApiKey } from '@registry/identity-domain';
import { apiKeyHandling, apiKeyStreamId } from '../api-key-stream';
import type { IssueApiKeyRequest } from './issue-api-key.request.dto';

/** Issues a key for one regency's integration: its secret in this answer only, its hash in the event. */
@Injectable()
export class IssueApiKeyHandler {
  constructor(
    private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async issue(principal: Principal, request: IssueApiKeyRequest) {
    assertInScope(principal, request.regencyCode, `regency ${request.regencyCode}`);
    const { plaintext, record } = issueApiKey({
      name: request.name,
      regencyCode: request.regencyCode,
      now: this.clock(),
    });
    const { revokedAt: _revokedAt, ...issued } = record;
    await this.store.withTransaction((session) =>
      handleCommand(
        session,
        apiKeyStreamId(record.keyId),
        (state) => decideApiKey({ type: 'IssueApiKey', data: issued }, state),
        apiKeyHandling(principal, record.regencyCode),
      ),
    );
    return {
      keyId: record.keyId,
      name: record.name,
      regencyCode: record.regencyCode,
      apiKey: plaintext,
      header: 'x-api-key',
    };
  }
}
