import type { SponsorType } from '@registry/sponsorship-domain';
import type { ClientBase } from 'pg';

export interface SponsorRow {
  readonly sponsorId: string;
  readonly type: SponsorType;
  readonly regencyCode: string;
  readonly personalDataVersion: number;
  readonly registeredAt: Date;
}

/** A registered sponsor from the sponsors read model, or null. */
export async function findSponsor(client: Pick<ClientBase, 'query'>, sponsorId: string): Promise<SponsorRow | null> {
  const { rows } = await client.query<{
    type: SponsorType;
    regency_code: string;
    personal_data_version: number;
    registered_at: Date;
  }>(
    'SELECT type, regency_code, personal_data_version, registered_at FROM sponsorship_sponsors WHERE sponsor_id = $1',
    [sponsorId],
  );
  const row = rows[0];
  return row
    ? {
        sponsorId,
        type: row.type,
        regencyCode: row.regency_code,
        personalDataVersion: row.personal_data_version,
        registeredAt: row.registered_at,
      }
    : null;
}
