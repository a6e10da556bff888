import type { EventEnvelope } from '@registry/contracts';
import type { PosyanduEvent } from '@registry/reporting-domain';
import type { ClientBase, Pool } from 'pg';

export const posyanduStreamId = (code: string) => `posyandu-${code}`;

/** A posyandu as the API answers it. */
export interface PosyanduView {
  readonly code: string;
  readonly name: string;
  readonly villageCode: string;
  readonly districtCode: string;
  readonly regencyCode: string;
  readonly puskesmasCode: string | null;
  readonly updatedAt: string;
}

/** The list's row from the posyandu's latest event; written in the transaction that appends it. */
export async function applyPosyanduEvent(client: ClientBase, envelope: EventEnvelope): Promise<void> {
  const { data } = envelope as unknown as PosyanduEvent;
  await client.query(
    `INSERT INTO reporting_posyandu (code, name, village_code, district_code, regency_code, puskesmas_code, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (code) DO UPDATE SET name = $2, village_code = $3, district_code = $4, regency_code = $5,
       puskesmas_code = $6, updated_at = $7`,
    [
      data.code,
      data.name,
      data.villageCode,
      data.districtCode,
      data.regencyCode,
      data.puskesmasCode,
      envelope.recordedAt,
    ],
  );
}

const VIEW = `code, name, village_code AS "villageCode", district_code AS "districtCode", regency_code AS "regencyCode",
  puskesmas_code AS "puskesmasCode", to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`;

export async function findPosyandu(db: Pool | ClientBase, code: string): Promise<PosyanduView | null> {
  const { rows } = await db.query<PosyanduView>(`SELECT ${VIEW} FROM reporting_posyandu WHERE code = $1`, [code]);
  return rows[0] ?? null;
}

/** The posyandu of a region (a kabupaten, kecamatan or desa code), by desa and name. */
export async function listPosyandu(db: Pool, regionCode: string): Promise<PosyanduView[]> {
  const { rows } = await db.query<PosyanduView>(
    `SELECT ${VIEW} FROM reporting_posyandu
      WHERE regency_code = left($1, 5) AND (village_code = $1 OR village_code LIKE $1 || '.%')
      ORDER BY village_code, name, code`,
    [regionCode],
  );
  return rows;
}
