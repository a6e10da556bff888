import { createHash } from 'node:crypto';
import { InMemoryApiKeyStore, issueApiKey, revokeApiKey, verifyApiKey, type ApiKeyStore } from './api-key';
import type { Authentication } from './authentication';

const NOW = new Date('2026-02-02T08:00:00.000Z');

const reasonOf = (outcome: Authentication): string => {
  if (outcome.kind !== 'rejected') throw new Error(`expected a rejection, got ${outcome.kind}`);
  return outcome.reason;
};

describe('issueApiKey', () => {
  it('Given a name and a regency, when issued, then the plaintext is shown once and only its hash is kept', () => {
    const { plaintext, record } = issueApiKey({ name: '  SIMPUS Kab. Lebak ', regencyCode: '36.02', now: NOW });

    expect(plaintext).toMatch(/^rk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const [, keyId, secret] = /^rk_([0-9a-f]{16})_(.+)$/.exec(plaintext) ?? [];
    expect(record).toEqual({
      keyId,
      name: 'SIMPUS Kab. Lebak',
      regencyCode: '36.02',
      role: 'integration',
      secretHash: createHash('sha256').update(secret).digest('hex'),
      createdAt: '2026-02-02T08:00:00.000Z',
      revokedAt: null,
    });
    expect(JSON.stringify(record)).not.toContain(secret);
  });

  it('Given two issues, when compared, then ids and secrets differ', () => {
    const first = issueApiKey({ name: 'a', regencyCode: '36.02', now: NOW });
    const second = issueApiKey({ name: 'a', regencyCode: '36.02', now: NOW });
    expect(first.record.keyId).not.toBe(second.record.keyId);
    expect(first.plaintext).not.toBe(second.plaintext);
  });

  it.each([
    [{ name: '   ', regencyCode: '36.02' }, 'an API key needs a name'],
    [{ name: 'x\u0000y', regencyCode: '36.02' }, 'an API key needs a name'],
    [{ name: 'SIMPUS', regencyCode: '36' }, 'an API key needs a kabupaten/kota code such as 36.03'],
  ])('Given %j, when issued, then it is refused', (request, message) => {
    expect(() => issueApiKey({ ...request, now: NOW })).toThrow(message);
  });
});

describe('verifyApiKey', () => {
  const issued = issueApiKey({ name: 'SIMPUS Kab. Lebak', regencyCode: '36.02', now: NOW });
  const store = new InMemoryApiKeyStore([issued.record]);

  it('Given the issued key, when presented, then the caller is an integration of the key regency', async () => {
    await expect(verifyApiKey(issued.plaintext, store)).resolves.toEqual({
      kind: 'authenticated',
      principal: {
        subject: 'SIMPUS Kab. Lebak',
        role: 'integration',
        regencyCode: '36.02',
        apiKeyId: issued.record.keyId,
      },
    });
  });

  it('Given the key id with another secret, when presented, then it is refused', async () => {
    const guessed = `rk_${issued.record.keyId}_${'A'.repeat(43)}`;
    expect(reasonOf(await verifyApiKey(guessed, store))).toBe('invalid API key');
  });

  it('Given a key the store does not know, when presented, then it is refused', async () => {
    const other = issueApiKey({ name: 'other', regencyCode: '36.02', now: NOW });
    expect(reasonOf(await verifyApiKey(other.plaintext, store))).toBe('unknown API key');
  });

  it('Given a revoked key, when presented, then it is refused as revoked', async () => {
    const revoked = new InMemoryApiKeyStore([revokeApiKey(issued.record, NOW)]);
    expect(reasonOf(await verifyApiKey(issued.plaintext, revoked))).toBe('API key revoked');
  });

  it('Given a revoked key with a wrong secret, when presented, then revocation is not revealed', async () => {
    const revoked = new InMemoryApiKeyStore([revokeApiKey(issued.record, NOW)]);
    const guessed = `rk_${issued.record.keyId}_${'A'.repeat(43)}`;
    expect(reasonOf(await verifyApiKey(guessed, revoked))).toBe('invalid API key');
  });

  it('Given something that is not a key, when presented, then the store is not even asked', async () => {
    const untouched: ApiKeyStore = { findById: jest.fn() };
    expect(reasonOf(await verifyApiKey('Bearer abc', untouched))).toBe(
      'malformed API key: expected rk_<keyId>_<secret>',
    );
    expect(untouched.findById).not.toHaveBeenCalled();
  });
});

describe('revokeApiKey', () => {
  it('Given an already revoked key, when revoked again, then the first revocation time stays', () => {
    const { record } = issueApiKey({ name: 'a', regencyCode: '36.02', now: NOW });
    const once = revokeApiKey(record, NOW);
    expect(revokeApiKey(once, new Date('2027-01-01T00:00:00Z')).revokedAt).toBe('2026-02-02T08:00:00.000Z');
  });
});
