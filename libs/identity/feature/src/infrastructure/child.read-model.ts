import type { ChildEventData, EventEnvelope } from '@registry/contracts';
import type { ChildEvent, Lookups } from '@registry/identity-domain';
import type { ClientBase } from 'pg';
import type { PersonalDataVault } from './personal-data-vault';

export const childStreamId = (childId: string): string => `child-${childId}`;

/** Thrown when a second active record would get a NIK that is already registered. */
export class NikAlreadyRegisteredError extends Error {
  override readonly name = 'NikAlreadyRegisteredError';
}

/**
 * Keeps identity_children in step with the child streams. Applied inline, in the append's transaction, so a
 * registration and its NIK uniqueness check commit together; the same function rebuilds the table from the events.
 */
export class ChildReadModel {
  readonly tables = ['identity_children'] as const;

  constructor(private readonly vault: PersonalDataVault) {}

  async apply(client: ClientBase, envelope: EventEnvelope): Promise<void> {
    const event = { type: envelope.type, data: envelope.data } as ChildEvent;
    switch (event.type) {
      case 'child.registered': {
        const lookups = await this.lookups(client, event.data.childId, event.data.personalDataVersion);
        await this.applyRegistrations(client, [{ envelope, lookups }]);
        return;
      }
      case 'child.corrected': {
        const d = event.data;
        await update(
          client,
          envelope,
          'sex = $4, birth_date = $5, birth_weight_grams = $6, birth_length_cm = $7, has_nik = $8',
          [d.sex, d.birthDate, d.birthWeightGrams, d.birthLengthCm, d.hasNik],
        );
        if (d.personalDataVersion !== null) {
          const lookups = await this.lookups(client, d.childId, d.personalDataVersion);
          await update(
            client,
            envelope,
            'personal_data_version = $4, nik_lookup = $5, family_card_lookup = $6, name_lookup = $7, mother_name_lookup = $8',
            [
              d.personalDataVersion,
              lookups?.nik ?? null,
              lookups?.familyCard ?? null,
              lookups?.name ?? null,
              lookups?.motherName ?? null,
            ],
          );
        }
        return;
      }
      case 'child.relocated':
        await update(client, envelope, 'village_code = $4, district_code = $5, regency_code = $6', [
          event.data.toVillageCode,
          event.data.toDistrictCode,
          event.data.toRegencyCode,
        ]);
        return;
      case 'child.died':
        await update(client, envelope, `status = 'died', died_on = $4`, [event.data.diedOn]);
        return;
      case 'child.merged':
        await update(client, envelope, `status = 'merged', merged_into = $4`, [event.data.intoChildId]);
        return;
      case 'child.unmerged':
        await update(client, envelope, `status = 'active', merged_into = NULL`, []);
        return;
      default: {
        const unknown: never = event;
        throw new Error(`unknown child event ${(unknown as ChildEvent).type}`);
      }
    }
  }

  /**
   * child.registered events in one statement, with the lookups their writer computed from the data it sealed
   * (null once erased): batch registration projects thousands of children without reopening each sealed version.
   */
  async applyRegistrations(
    client: ClientBase,
    registrations: ReadonlyArray<{ readonly envelope: EventEnvelope; readonly lookups: Lookups | null }>,
  ): Promise<void> {
    const rows = registrations.map(({ envelope, lookups }) => {
      const d = envelope.data as ChildEventData<'child.registered'>;
      return {
        child_id: d.childId,
        stream_version: envelope.streamVersion,
        sex: d.sex,
        birth_date: d.birthDate,
        birth_weight_grams: d.birthWeightGrams,
        birth_length_cm: d.birthLengthCm,
        has_nik: d.hasNik,
        village_code: d.villageCode,
        district_code: d.districtCode,
        regency_code: d.regencyCode,
        personal_data_version: d.personalDataVersion,
        nik_lookup: lookups?.nik ?? null,
        family_card_lookup: lookups?.familyCard ?? null,
        name_lookup: lookups?.name ?? null,
        mother_name_lookup: lookups?.motherName ?? null,
        registered_at: envelope.recordedAt,
      };
    });
    await guardNik(
      client.query(
        `INSERT INTO identity_children (child_id, stream_version, status, sex, birth_date, birth_weight_grams, birth_length_cm,
           has_nik, village_code, district_code, regency_code, personal_data_version, nik_lookup, family_card_lookup,
           name_lookup, mother_name_lookup, registered_at, updated_at)
         SELECT child_id, stream_version, 'active', sex, birth_date, birth_weight_grams, birth_length_cm, has_nik, village_code,
                district_code, regency_code, personal_data_version, nik_lookup, family_card_lookup, name_lookup,
                mother_name_lookup, registered_at, registered_at
           FROM jsonb_to_recordset($1::jsonb) AS r(child_id uuid, stream_version integer, sex text, birth_date date,
                birth_weight_grams integer, birth_length_cm numeric, has_nik boolean, village_code text, district_code text,
                regency_code text, personal_data_version integer, nik_lookup text, family_card_lookup text, name_lookup text,
                mother_name_lookup text, registered_at timestamptz)`,
        [JSON.stringify(rows)],
      ),
    );
  }

  /** After erasure nothing personal can be derived any more, lookups included. */
  async forgetLookups(client: ClientBase, childId: string): Promise<void> {
    await client.query(
      'UPDATE identity_children SET nik_lookup = NULL, family_card_lookup = NULL, name_lookup = NULL, mother_name_lookup = NULL WHERE child_id = $1',
      [childId],
    );
  }

  private async lookups(client: ClientBase, childId: string, version: number): Promise<Lookups | null> {
    const data = await this.vault.open(client, childId, version);
    return data && this.vault.lookupsOf(data);
  }
}

async function update(
  client: ClientBase,
  envelope: EventEnvelope,
  assignments: string,
  values: unknown[],
): Promise<void> {
  const childId = (envelope.data as { childId: string }).childId;
  await guardNik(
    client.query(
      `UPDATE identity_children SET stream_version = $2, updated_at = $3, ${assignments} WHERE child_id = $1`,
      [childId, envelope.streamVersion, envelope.recordedAt, ...values],
    ),
  );
}

async function guardNik<T>(query: Promise<T>): Promise<T> {
  try {
    return await query;
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'identity_children_nik_key')
      throw new NikAlreadyRegisteredError('this NIK is already registered');
    throw error;
  }
}
