import { randomBytes } from 'node:crypto';
import { DEV_PII_MASTER_KEY, personalDataMasterKeyFrom } from './master-key';
import {
  hashForLookup,
  PersonalDataCipher,
  PersonalDataErasedError,
  PersonalDataIntegrityError,
  type DataKeyStore,
} from './personal-data-cipher';

/** First writer wins, as the interface asks of a real store. */
class MemoryDataKeys implements DataKeyStore {
  readonly keys = new Map<string, string>();
  async get(subjectId: string) {
    return this.keys.get(subjectId) ?? null;
  }
  async put(subjectId: string, wrappedKey: string) {
    if (!this.keys.has(subjectId)) this.keys.set(subjectId, wrappedKey);
    return this.keys.get(subjectId) as string;
  }
  async delete(subjectId: string) {
    this.keys.delete(subjectId);
  }
}

const CHILD = '0198f0d2-7c1a-7b2e-9d3f-2a1b3c4d5e6f';
const OTHER_CHILD = '0198f0d2-7c1a-7b2e-9d3f-ffffffffffff';
const NIK = '3603124101230001';

describe('PersonalDataCipher', () => {
  let keys: MemoryDataKeys;
  let cipher: PersonalDataCipher;
  beforeEach(() => {
    keys = new MemoryDataKeys();
    cipher = new PersonalDataCipher(randomBytes(32), keys);
  });

  it('Given a NIK, when encrypted and decrypted, then it round-trips and is not stored in clear', async () => {
    const sealed = await cipher.encrypt(CHILD, 'nik', NIK);

    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(NIK);
    await expect(cipher.decrypt(CHILD, 'nik', sealed)).resolves.toBe(NIK);
  });

  it('Given the same value twice, when encrypted, then the ciphertexts differ (fresh IV) and one data key is kept', async () => {
    const first = await cipher.encrypt(CHILD, 'name', 'Siti Aminah');
    const second = await cipher.encrypt(CHILD, 'name', 'Siti Aminah');
    expect(first).not.toBe(second);
    expect(keys.keys.size).toBe(1);
    expect(keys.keys.get(CHILD)).not.toContain('Siti');
  });

  it('Given an erased subject, when its data is decrypted, then PersonalDataErasedError is thrown', async () => {
    const sealed = await cipher.encrypt(CHILD, 'nik', NIK);
    const othersSealed = await cipher.encrypt(OTHER_CHILD, 'nik', '3603120101230002');

    await cipher.erase(CHILD);

    await expect(cipher.decrypt(CHILD, 'nik', sealed)).rejects.toThrow(PersonalDataErasedError);
    await expect(cipher.decrypt(OTHER_CHILD, 'nik', othersSealed)).resolves.toBe('3603120101230002');
  });

  it('Given a value copied to another field or subject, when decrypted there, then it fails authentication', async () => {
    const sealed = await cipher.encrypt(CHILD, 'nik', NIK);
    await cipher.encrypt(OTHER_CHILD, 'nik', 'x');
    await expect(cipher.decrypt(CHILD, 'motherName', sealed)).rejects.toThrow(PersonalDataIntegrityError);
    await expect(cipher.decrypt(OTHER_CHILD, 'nik', sealed)).rejects.toThrow(PersonalDataIntegrityError);
  });

  it('Given a tampered or malformed value, when decrypted, then PersonalDataIntegrityError is thrown', async () => {
    const sealed = await cipher.encrypt(CHILD, 'nik', NIK);
    const [version, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    await expect(
      cipher.decrypt(CHILD, 'nik', [version, iv, tag, flipped.toString('base64url')].join('.')),
    ).rejects.toThrow(PersonalDataIntegrityError);
    await expect(cipher.decrypt(CHILD, 'nik', 'v2.a.b.c')).rejects.toThrow(PersonalDataIntegrityError);
  });

  it('Given another master key, when the data key is unwrapped, then decryption fails', async () => {
    const sealed = await cipher.encrypt(CHILD, 'nik', NIK);
    const otherMaster = new PersonalDataCipher(randomBytes(32), keys);
    await expect(otherMaster.decrypt(CHILD, 'nik', sealed)).rejects.toThrow(PersonalDataIntegrityError);
  });

  it('Given two first writes racing for one subject, when both finish, then both values decrypt', async () => {
    const [a, b] = await Promise.all([cipher.encrypt(CHILD, 'nik', NIK), cipher.encrypt(CHILD, 'name', 'Siti')]);
    await expect(cipher.decrypt(CHILD, 'nik', a)).resolves.toBe(NIK);
    await expect(cipher.decrypt(CHILD, 'name', b)).resolves.toBe('Siti');
  });

  it('Given a master key of the wrong length, when constructed, then it is refused', () => {
    expect(() => new PersonalDataCipher(randomBytes(16), keys)).toThrow('the master key must be 32 bytes');
  });
});

describe('hashForLookup', () => {
  const pepper = randomBytes(32);

  it('Given the same NIK, when hashed with the same pepper, then the hashes match for lookups', () => {
    expect(hashForLookup(NIK, pepper)).toBe(hashForLookup(NIK, pepper));
    expect(hashForLookup(NIK, pepper)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('Given another pepper or NIK, when hashed, then the hash differs', () => {
    expect(hashForLookup(NIK, pepper)).not.toBe(hashForLookup(NIK, randomBytes(32)));
    expect(hashForLookup(NIK, pepper)).not.toBe(hashForLookup('3603124101230002', pepper));
  });

  it('Given a short pepper, when hashing, then it is refused', () => {
    expect(() => hashForLookup(NIK, 'short')).toThrow('the lookup pepper must be at least 16 bytes');
  });
});

describe('personalDataMasterKeyFrom', () => {
  it('Given no PII_MASTER_KEY in development, when read, then the documented default key is used', () => {
    expect(personalDataMasterKeyFrom({})).toEqual({
      kind: 'configured',
      value: Buffer.from(DEV_PII_MASTER_KEY, 'base64'),
    });
  });

  it('Given a generated key in production, when read, then it is used', () => {
    const key = randomBytes(32);
    expect(personalDataMasterKeyFrom({ NODE_ENV: 'production', PII_MASTER_KEY: key.toString('base64') })).toEqual({
      kind: 'configured',
      value: key,
    });
  });

  it.each([
    [{ NODE_ENV: 'production' }, 'PII_MASTER_KEY is required with NODE_ENV=production'],
    [{ NODE_ENV: 'production', PII_MASTER_KEY: DEV_PII_MASTER_KEY }, 'development default and is refused'],
    [{ PII_MASTER_KEY: Buffer.alloc(16).toString('base64') }, 'PII_MASTER_KEY must be 32 bytes in base64'],
    [{ PII_MASTER_KEY: 'not base64 at all!' }, 'PII_MASTER_KEY must be 32 bytes in base64'],
  ])('Given %j, when read, then it is refused', (env, problem) => {
    expect(personalDataMasterKeyFrom(env)).toEqual({
      kind: 'misconfigured',
      problems: [expect.stringContaining(problem)],
    });
  });
});
