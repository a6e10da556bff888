import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Where each subject's data key is kept, wrapped (encrypted) with the master key. Deleting it erases the subject's
 * personal data everywhere it was copied, events and backups included: crypto-shredding.
 */
export interface DataKeyStore {
  /** The subject's wrapped data key, or null when it never had one or it was erased. */
  get(subjectId: string): Promise<string | null>;
  /**
   * Stores the wrapped key unless the subject already has one, and returns the one stored: the first writer wins,
   * so two concurrent first writes cannot leave data sealed with a lost key
   * (in PostgreSQL: INSERT … ON CONFLICT (subject_id) DO NOTHING, then SELECT).
   */
  put(subjectId: string, wrappedKey: string): Promise<string>;
  delete(subjectId: string): Promise<void>;
}

/** The subject's data key was erased (or never existed): its personal data cannot be read any more. */
export class PersonalDataErasedError extends Error {
  override readonly name = 'PersonalDataErasedError';

  constructor(readonly subjectId: string) {
    super(`personal data of subject ${subjectId} was erased`);
  }
}

/** A sealed value that is not one: tampered, truncated, sealed for another subject or field, or another master key. */
export class PersonalDataIntegrityError extends Error {
  override readonly name = 'PersonalDataIntegrityError';
}

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts personal-data fields with AES-256-GCM under a per-subject data key. Output: v1.<iv>.<tag>.<ciphertext>,
 * base64url. The subject and field are authenticated with each value, so a value copied to another record or
 * field does not decrypt.
 */
export class PersonalDataCipher {
  constructor(
    private readonly masterKey: Uint8Array,
    private readonly keys: DataKeyStore,
  ) {
    if (masterKey.length !== KEY_BYTES) throw new RangeError(`the master key must be ${KEY_BYTES} bytes`);
  }

  async encrypt(subjectId: string, field: string, plaintext: string): Promise<string> {
    const dataKey = await this.dataKeyFor(subjectId);
    return seal(dataKey, Buffer.from(plaintext, 'utf8'), fieldContext(subjectId, field));
  }

  /** Throws PersonalDataErasedError once the subject was erased, PersonalDataIntegrityError for a bad value. */
  async decrypt(subjectId: string, field: string, sealed: string): Promise<string> {
    const wrapped = await this.keys.get(subjectId);
    if (wrapped === null) throw new PersonalDataErasedError(subjectId);
    return open(this.unwrap(subjectId, wrapped), sealed, fieldContext(subjectId, field)).toString('utf8');
  }

  /** Forgets the subject's data key: every value sealed for it becomes unreadable. Idempotent. */
  erase(subjectId: string): Promise<void> {
    return this.keys.delete(subjectId);
  }

  private async dataKeyFor(subjectId: string): Promise<Buffer> {
    const wrapped =
      (await this.keys.get(subjectId)) ??
      (await this.keys.put(subjectId, seal(this.masterKey, randomBytes(KEY_BYTES), keyContext(subjectId))));
    return this.unwrap(subjectId, wrapped);
  }

  private unwrap(subjectId: string, wrapped: string): Buffer {
    return open(this.masterKey, wrapped, keyContext(subjectId));
  }
}

const MIN_PEPPER_BYTES = 16;

/**
 * A keyed hash (HMAC-SHA256, hex) to look up or enforce uniqueness of a value such as a NIK without storing it in
 * clear. A NIK has little entropy, so without the secret pepper a plain hash would be reversed by enumeration.
 * Normalise the value first (e.g. digits only) so equal values hash equally.
 */
export function hashForLookup(value: string, pepper: string | Uint8Array): string {
  if (Buffer.byteLength(pepper) < MIN_PEPPER_BYTES) {
    throw new RangeError(`the lookup pepper must be at least ${MIN_PEPPER_BYTES} bytes of secret`);
  }
  return createHmac('sha256', pepper).update(value, 'utf8').digest('hex');
}

const keyContext = (subjectId: string): Buffer => Buffer.from(JSON.stringify(['data-key', subjectId]), 'utf8');
const fieldContext = (subjectId: string, field: string): Buffer =>
  Buffer.from(JSON.stringify(['field', subjectId, field]), 'utf8');

function seal(key: Uint8Array, plaintext: Buffer, context: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES }).setAAD(context);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [VERSION, ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'))].join('.');
}

function open(key: Uint8Array, sealed: string, context: Buffer): Buffer {
  const [version, ...parts] = sealed.split('.');
  if (version !== VERSION || parts.length !== 3) throw new PersonalDataIntegrityError(`not a ${VERSION} sealed value`);
  const [iv, tag, ciphertext] = parts.map((part) => Buffer.from(part, 'base64url'));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    throw new PersonalDataIntegrityError(`not a ${VERSION} sealed value`);
  }
  try {
    const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES }).setAAD(context);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new PersonalDataIntegrityError('sealed value failed authentication');
  }
}
