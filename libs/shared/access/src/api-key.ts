import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { authenticated, rejected, type Authentication } from './authentication';
import { REGENCY_CODE } from './principal';

export const API_KEY_HEADER = 'x-api-key';

/** What a service keeps of an API key: never the secret, only its hash. */
export interface ApiKeyRecord {
  readonly keyId: string;
  readonly name: string;
  readonly regencyCode: string;
  readonly role: 'integration';
  /** SHA-256 of the secret part, hex. */
  readonly secretHash: string;
  /** ISO 8601. */
  readonly createdAt: string;
  /** ISO 8601; null while the key is valid. */
  readonly revokedAt: string | null;
}

/**
 * Each service's copy of the issued keys. The identity service issues and revokes them and publishes the records;
 * every other service keeps them from those events and answers here.
 */
export interface ApiKeyStore {
  findById(keyId: string): Promise<ApiKeyRecord | null>;
}

export interface ApiKeyRequest {
  readonly name: string;
  readonly regencyCode: string;
  readonly now: Date;
}

export interface IssuedApiKey {
  /** rk_<keyId>_<secret>: shown to the kabupaten once, never stored or logged. */
  readonly plaintext: string;
  readonly record: ApiKeyRecord;
}

const KEY_FORMAT = /^rk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const MAX_NAME_LENGTH = 100;

/** Creates a key for one kabupaten integration; throws RangeError for an empty name or a malformed regency code. */
export function issueApiKey({ name, regencyCode, now }: ApiKeyRequest): IssuedApiKey {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_NAME_LENGTH || /\p{Cc}/u.test(trimmed)) {
    throw new RangeError(`an API key needs a name of 1 to ${MAX_NAME_LENGTH} printable characters`);
  }
  if (!REGENCY_CODE.test(regencyCode)) {
    throw new RangeError(`an API key needs a kabupaten/kota code such as 36.03, not ${JSON.stringify(regencyCode)}`);
  }
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return {
    plaintext: `rk_${keyId}_${secret}`,
    record: {
      keyId,
      name: trimmed,
      regencyCode,
      role: 'integration',
      secretHash: sha256(secret).toString('hex'),
      createdAt: now.toISOString(),
      revokedAt: null,
    },
  };
}

export function revokeApiKey(record: ApiKeyRecord, now: Date): ApiKeyRecord {
  return record.revokedAt === null ? { ...record, revokedAt: now.toISOString() } : record;
}

/** Checks a presented key against the store; the caller becomes an integration of the key's regency. */
export async function verifyApiKey(plaintext: string, store: ApiKeyStore): Promise<Authentication> {
  const match = KEY_FORMAT.exec(plaintext);
  if (match === null) return rejected('malformed API key: expected rk_<keyId>_<secret>');
  const [, keyId, secret] = match;
  const record = await store.findById(keyId);
  if (record === null) return rejected('unknown API key');
  const expected = Buffer.from(record.secretHash, 'hex');
  const given = sha256(secret);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return rejected('invalid API key');
  // Only a holder of the secret learns that the key was revoked.
  if (record.revokedAt !== null) return rejected('API key revoked');
  return authenticated({ subject: record.name, role: 'integration', regencyCode: record.regencyCode, apiKeyId: keyId });
}

// The secret is 256 random bits, so a plain hash cannot be brute-forced and needs no salt or slow KDF.
const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** A store held in memory: for tests, and for a service until it keeps its own copy of the identity events. */
export class InMemoryApiKeyStore implements ApiKeyStore {
  private readonly records = new Map<string, ApiKeyRecord>();

  constructor(records: Iterable<ApiKeyRecord> = []) {
    for (const record of records) this.save(record);
  }

  save(record: ApiKeyRecord): void {
    this.records.set(record.keyId, record);
  }

  async findById(keyId: string): Promise<ApiKeyRecord | null> {
    return this.records.get(keyId) ?? null;
  }
}
