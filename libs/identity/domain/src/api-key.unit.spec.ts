import { deciderSpecification } from '@registry/contracts';
import { decideApiKey, foldApiKey, type ApiKeyEvent } from './api-key';

const issued: ApiKeyEvent = {
  type: 'api-key.issued',
  data: {
    keyId: '0f1e2d3c4b5a6978',
    name: 'SIGIZI Kabupaten Tangerang',
    regencyCode: '36.03',
    role: 'integration',
    secretHash: 'ab'.repeat(32),
    createdAt: '2026-12-01T08:00:00.000Z',
  },
};
const revoke = {
  type: 'RevokeApiKey',
  data: { keyId: issued.data.keyId, revokedAt: '2026-12-02T08:00:00.000Z' },
} as const;

/** Given a key's history, when it is issued or revoked: its events, or the rule it breaks. */
const given = deciderSpecification({ decide: decideApiKey, fold: foldApiKey });

describe('API key decider', () => {
  it('issues a key under a fresh id, once', () => {
    given().when({ type: 'IssueApiKey', data: issued.data }).then([issued]);
    given(issued).when({ type: 'IssueApiKey', data: issued.data }).thenRejects('conflict', 'keyId');
  });

  it('revokes an issued key once; a revoked key stays revoked', () => {
    given(issued)
      .when(revoke)
      .then([{ type: 'api-key.revoked', data: revoke.data }]);
    given(issued, { type: 'api-key.revoked', data: revoke.data })
      .when(revoke)
      .thenRejects('conflict', 'keyId', /already revoked/);
  });

  it('cannot revoke a key never issued', () => {
    given()
      .when(revoke)
      .thenRejects('not_found', 'keyId', /not found/);
  });
});
