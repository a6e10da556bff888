import { createHash } from 'node:crypto';
import { PersonalDataCipher, PersonalDataErasedError, type DataKeyStore } from '@registry/access';
import type { SponsorPersonalDataRef } from '@registry/sponsorship-domain';
import type { ClientBase } from 'pg';

/** A connection or a pool: reads need no transaction. */
export type Queryable = Pick<ClientBase, 'query'>;

/** A sponsor's name and contact: personal data of an individual, and of the contact person of an organisation. */
export interface SponsorPersonalData {
  readonly name: string;
  readonly contact: string;
}

/** Data keys of one transaction's connection, so a new key commits or rolls back with the sponsor it seals. */
class PgDataKeyStore implements DataKeyStore {
  constructor(private readonly client: Queryable) {}

  async get(subjectId: string): Promise<string | null> {
    const { rows } = await this.client.query<{ wrapped_key: string }>(
      'SELECT wrapped_key FROM sponsorship_data_keys WHERE subject_id = $1',
      [subjectId],
    );
    return rows[0]?.wrapped_key ?? null;
  }

  async put(subjectId: string, wrappedKey: string): Promise<string> {
    await this.client.query(
      'INSERT INTO sponsorship_data_keys (subject_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (subject_id) DO NOTHING',
      [subjectId, wrappedKey],
    );
    return (await this.get(subjectId))!;
  }

  async delete(subjectId: string): Promise<void> {
    await this.client.query('DELETE FROM sponsorship_data_keys WHERE subject_id = $1', [subjectId]);
  }
}

/**
 * Seals each version of a sponsor's personal data with the sponsor's own key and stores it beside the events, as
 * the identity service does for children: events carry only the version and the SHA-256 of the sealed value.
 */
export class SponsorPersonalDataVault {
  constructor(private readonly masterKey: Uint8Array) {}

  async seal(
    client: ClientBase,
    sponsorId: string,
    version: number,
    data: SponsorPersonalData,
  ): Promise<SponsorPersonalDataRef> {
    const sealed = await this.cipher(client).encrypt(sponsorId, fieldOf(version), JSON.stringify(data));
    const hash = createHash('sha256').update(sealed).digest('hex');
    await client.query(
      'INSERT INTO sponsorship_sponsor_personal_data (sponsor_id, version, sealed, hash) VALUES ($1, $2, $3, $4)',
      [sponsorId, version, sealed, hash],
    );
    return { personalDataVersion: version, personalDataHash: hash };
  }

  /** The personal data of that version, or null once the sponsor's key was erased. */
  async open(client: Queryable, sponsorId: string, version: number): Promise<SponsorPersonalData | null> {
    const { rows } = await client.query<{ sealed: string }>(
      'SELECT sealed FROM sponsorship_sponsor_personal_data WHERE sponsor_id = $1 AND version = $2',
      [sponsorId, version],
    );
    if (rows.length === 0) return null;
    try {
      const opened = await this.cipher(client).decrypt(sponsorId, fieldOf(version), rows[0].sealed);
      return JSON.parse(opened) as SponsorPersonalData;
    } catch (error) {
      if (error instanceof PersonalDataErasedError) return null;
      throw error;
    }
  }

  private cipher(client: Queryable): PersonalDataCipher {
    return new PersonalDataCipher(this.masterKey, new PgDataKeyStore(client));
  }
}

const fieldOf = (version: number): string => `sponsor-personal-data.v${version}`;
