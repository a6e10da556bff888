import { createHash } from 'node:crypto';
import { hashForLookup, PersonalDataCipher, PersonalDataErasedError, type DataKeyStore } from '@registry/access';
import { normalizeName, type Lookups, type PersonalDataRef } from '@registry/identity-domain';
import type { ClientBase } from 'pg';

/** A connection or a pool: reads need no transaction. */
export type Queryable = Pick<ClientBase, 'query'>;

/** The child's personal data: specific personal data under UU 27/2022, kept only here, sealed. */
export interface PersonalData {
  readonly nik: string | null;
  readonly familyCardNumber: string | null;
  readonly name: string;
  readonly mother: { readonly name: string; readonly nik: string | null };
  readonly address: { readonly rt: string | null; readonly rw: string | null; readonly line: string | null };
}

/** Data keys of one transaction's connection, so a new key commits or rolls back with the child it seals. */
class PgDataKeyStore implements DataKeyStore {
  constructor(private readonly client: Queryable) {}

  async get(subjectId: string): Promise<string | null> {
    const { rows } = await this.client.query<{ wrapped_key: string }>(
      'SELECT wrapped_key FROM identity_data_keys WHERE subject_id = $1',
      [subjectId],
    );
    return rows[0]?.wrapped_key ?? null;
  }

  async put(subjectId: string, wrappedKey: string): Promise<string> {
    await this.client.query(
      'INSERT INTO identity_data_keys (subject_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (subject_id) DO NOTHING',
      [subjectId, wrappedKey],
    );
    return (await this.get(subjectId))!;
  }

  async delete(subjectId: string): Promise<void> {
    await this.client.query('DELETE FROM identity_data_keys WHERE subject_id = $1', [subjectId]);
  }
}

/**
 * Keys held in memory: new subjects' keys, created here and stored together once their data is sealed, or many
 * subjects' stored keys read in one query.
 */
class KeysInMemory implements DataKeyStore {
  readonly wrapped = new Map<string, string>();

  async get(subjectId: string): Promise<string | null> {
    return this.wrapped.get(subjectId) ?? null;
  }

  async put(subjectId: string, wrappedKey: string): Promise<string> {
    this.wrapped.set(subjectId, wrappedKey);
    return wrappedKey;
  }

  async delete(subjectId: string): Promise<void> {
    this.wrapped.delete(subjectId);
  }
}

/**
 * Seals each version of a child's personal data with the child's own key and stores it beside the events;
 * erasing the key makes every version unreadable (crypto-shredding) while the events stay intact.
 */
export class PersonalDataVault {
  constructor(
    private readonly masterKey: Uint8Array,
    private readonly pepper: string,
  ) {}

  async seal(client: ClientBase, childId: string, version: number, data: PersonalData): Promise<PersonalDataRef> {
    const sealed = await this.cipher(client).encrypt(childId, fieldOf(version), JSON.stringify(data));
    const hash = createHash('sha256').update(sealed).digest('hex');
    await client.query('INSERT INTO identity_personal_data (child_id, version, sealed, hash) VALUES ($1, $2, $3, $4)', [
      childId,
      version,
      sealed,
      hash,
    ]);
    return { personalDataVersion: version, personalDataHash: hash };
  }

  /**
   * Seals the first version of many new children's personal data in two statements (their keys, then the sealed
   * values) instead of several per child. The children must be new: a key that exists already fails the insert.
   */
  async sealNew(
    client: Queryable,
    children: ReadonlyArray<{ readonly childId: string; readonly data: PersonalData }>,
  ): Promise<PersonalDataRef[]> {
    const keys = new KeysInMemory();
    const cipher = new PersonalDataCipher(this.masterKey, keys);
    const sealed = await Promise.all(
      children.map(({ childId, data }) => cipher.encrypt(childId, fieldOf(1), JSON.stringify(data))),
    );
    const hashes = sealed.map((value) => createHash('sha256').update(value).digest('hex'));
    const childIds = children.map(({ childId }) => childId);
    await client.query(
      'INSERT INTO identity_data_keys (subject_id, wrapped_key) SELECT * FROM unnest($1::text[], $2::text[])',
      [childIds, childIds.map((childId) => keys.wrapped.get(childId))],
    );
    await client.query(
      `INSERT INTO identity_personal_data (child_id, version, sealed, hash)
       SELECT child_id, 1, sealed, hash FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(child_id, sealed, hash)`,
      [childIds, sealed, hashes],
    );
    return hashes.map((hash) => ({ personalDataVersion: 1, personalDataHash: hash }));
  }

  /** The personal data of that version, or null once the child's key was erased. */
  async open(client: Queryable, childId: string, version: number): Promise<PersonalData | null> {
    const { rows } = await client.query<{ sealed: string }>(
      'SELECT sealed FROM identity_personal_data WHERE child_id = $1 AND version = $2',
      [childId, version],
    );
    if (rows.length === 0) return null;
    try {
      return JSON.parse(await this.cipher(client).decrypt(childId, fieldOf(version), rows[0].sealed)) as PersonalData;
    } catch (error) {
      if (error instanceof PersonalDataErasedError) return null;
      throw error;
    }
  }

  /**
   * The personal data of many children, each at its version, in one query for the sealed values and their keys
   * instead of two per child; null for a child whose key was erased (or whose version is not stored).
   */
  async openMany(
    client: Queryable,
    refs: ReadonlyArray<{ readonly childId: string; readonly version: number }>,
  ): Promise<Array<PersonalData | null>> {
    if (refs.length === 0) return [];
    const { rows } = await client.query<{ child_id: string; sealed: string; wrapped_key: string | null }>(
      `SELECT p.child_id, p.sealed, k.wrapped_key
         FROM unnest($1::uuid[], $2::int[]) AS r(child_id, version)
         JOIN identity_personal_data p ON p.child_id = r.child_id AND p.version = r.version
         LEFT JOIN identity_data_keys k ON k.subject_id = p.child_id::text`,
      [refs.map((ref) => ref.childId), refs.map((ref) => ref.version)],
    );
    const keys = new KeysInMemory();
    for (const row of rows) if (row.wrapped_key !== null) keys.wrapped.set(row.child_id, row.wrapped_key);
    const cipher = new PersonalDataCipher(this.masterKey, keys);
    const sealed = new Map(rows.map((row) => [row.child_id, row.sealed]));
    return Promise.all(
      refs.map(async ({ childId, version }) => {
        const value = sealed.get(childId);
        if (value === undefined) return null;
        try {
          return JSON.parse(await cipher.decrypt(childId, fieldOf(version), value)) as PersonalData;
        } catch (error) {
          if (error instanceof PersonalDataErasedError) return null;
          throw error;
        }
      }),
    );
  }

  /** Erases a child's personal data, or another subject's (an import's file): its data key is deleted. */
  erase(client: Queryable, subjectId: string): Promise<void> {
    return this.cipher(client).erase(subjectId);
  }

  /** Seals personal data held for another subject than a child (an import's file and credential), under its key. */
  sealFor(client: Queryable, subjectId: string, field: string, plaintext: string): Promise<string> {
    return this.cipher(client).encrypt(subjectId, field, plaintext);
  }

  /** What sealFor sealed; null once the subject was erased. */
  async openFor(client: Queryable, subjectId: string, field: string, sealed: string): Promise<string | null> {
    try {
      return await this.cipher(client).decrypt(subjectId, field, sealed);
    } catch (error) {
      if (error instanceof PersonalDataErasedError) return null;
      throw error;
    }
  }

  nameLookup(name: string): string {
    return hashForLookup(`name:${normalizeName(name)}`, this.pepper);
  }

  lookupsOf(data: PersonalData): Lookups {
    return {
      nik: data.nik === null ? null : this.nikLookup(data.nik),
      familyCard: data.familyCardNumber === null ? null : hashForLookup(`kk:${data.familyCardNumber}`, this.pepper),
      name: this.nameLookup(data.name),
      motherName: hashForLookup(`mother:${normalizeName(data.mother.name)}`, this.pepper),
    };
  }

  nikLookup(nik: string): string {
    return hashForLookup(`nik:${nik}`, this.pepper);
  }

  private cipher(client: Queryable): PersonalDataCipher {
    return new PersonalDataCipher(this.masterKey, new PgDataKeyStore(client));
  }
}

const fieldOf = (version: number): string => `personal-data.v${version}`;
