import type { ClientBase, Pool } from 'pg';

/** Which child each Patient identity became, per regency (fhir-schema.migration.ts). */
export const FhirPatients = {
  /** The children already known by any of these keys, in the regency: key → child id. */
  async find(pool: Pool, regencyCode: string, keys: readonly string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const { rows } = await pool.query<{ resource_key: string; child_id: string }>(
      'SELECT resource_key, child_id FROM identity_fhir_patients WHERE regency_code = $1 AND resource_key = ANY($2)',
      [regencyCode, keys],
    );
    return new Map(rows.map((row) => [row.resource_key, row.child_id]));
  },

  /** Remembers the keys of Patients just registered or matched; a key already remembered keeps its child. */
  async remember(
    client: ClientBase | Pool,
    regencyCode: string,
    entries: ReadonlyArray<{ readonly keys: readonly string[]; readonly childId: string }>,
  ): Promise<void> {
    const pairs = entries.flatMap(({ keys, childId }) => keys.map((key) => [key, childId] as const));
    if (pairs.length === 0) return;
    await client.query(
      `INSERT INTO identity_fhir_patients (regency_code, resource_key, child_id)
       SELECT $1, key, child FROM unnest($2::text[], $3::uuid[]) AS t(key, child)
       ON CONFLICT DO NOTHING`,
      [regencyCode, pairs.map(([key]) => key), pairs.map(([, childId]) => childId)],
    );
  },
};
