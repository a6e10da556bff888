import type { ChildEventData, EventEnvelope } from '@registry/contracts';
import type { PoolClient } from 'pg';
import { MONTH_OF } from './skdn-sql';

/** A resident cell: where, the birth month, whether born on its first day, the month of death (999999: alive). */
export const RESIDENT_CELL = 'regency_code, district_code, village_code, birth_month, first_day, died_month';

const CELL_OF_RESIDENT = `regency_code, district_code, village_code, ${MONTH_OF('birth_date')} AS birth_month,
  extract(day FROM birth_date) = 1 AS first_day, COALESCE(${MONTH_OF('died_on')}, 999999) AS died_month`;

const residentUpsert = (sign: '+' | '-', rows: string) => `
INSERT INTO reporting_resident_counts AS k (${RESIDENT_CELL}, children)
SELECT ${RESIDENT_CELL}, ${sign === '-' ? '-' : ''}count(*) FROM ${rows} r GROUP BY ${RESIDENT_CELL}
ON CONFLICT (${RESIDENT_CELL}) DO UPDATE SET children = k.children + excluded.children`;

/** The residents' current cells leave the counts; answers the cells they left. */
const UNCOUNT_SQL = `
WITH gone AS (SELECT ${CELL_OF_RESIDENT} FROM reporting_skdn_residents WHERE child_id = ANY($1) AND NOT merged)
${residentUpsert('-', 'gone')}
RETURNING ${RESIDENT_CELL}`;

const COUNT_SQL = `
WITH added AS (SELECT ${CELL_OF_RESIDENT} FROM reporting_skdn_residents WHERE child_id = ANY($1) AND NOT merged)
${residentUpsert('+', 'added')}`;

const DROP_EMPTY_SQL = `
DELETE FROM reporting_resident_counts
 WHERE (${RESIDENT_CELL}) IN (
   SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::boolean[], $6::int[]))
   AND children = 0`;

const BUILD_SQL = `
WITH everyone AS (SELECT ${CELL_OF_RESIDENT} FROM reporting_skdn_residents WHERE NOT merged)
${residentUpsert('+', 'everyone')}`;

const HANDLED = new Set([
  'child.registered',
  'child.relocated',
  'child.corrected',
  'child.died',
  'child.merged',
  'child.unmerged',
]);

export const changesResidence = (type: string): boolean => HANDLED.has(type);

/**
 * Where each child lives, when it was born and died, and whether it is merged into another record — what K counts —
 * and the counts per desa and birth month kept from them, so K for any month is a sum of a few rows per desa instead of
 * a read of every child of the kabupaten.
 */
export class SkdnResidents {
  /** The live path: the chunk's children leave the counts as they were, their rows change, and they come back. */
  async apply(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const changed = events.filter((event) => HANDLED.has(event.type));
    if (changed.length === 0) return;
    const childIds = [...new Set(changed.map((event) => (event.data as { childId: string }).childId))];
    const { rows: left } = await client.query<Record<string, unknown>>(UNCOUNT_SQL, [childIds]);
    await this.store(changed, client);
    await client.query(COUNT_SQL, [childIds]);
    if (left.length > 0)
      await client.query(
        DROP_EMPTY_SQL,
        RESIDENT_CELL.split(', ').map((column) => left.map((cell) => cell[column])),
      );
  }

  /** The rows alone, in order (a rebuild's batches; build counts them once at the end). */
  async store(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    for (const event of events) {
      switch (event.type) {
        case 'child.registered': {
          const d = event.data as ChildEventData<'child.registered'>;
          await client.query(
            `INSERT INTO reporting_skdn_residents (child_id, birth_date, merged, regency_code, district_code, village_code,
               registered_at) VALUES ($1, $2, false, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
            [d.childId, d.birthDate, d.regencyCode, d.districtCode, d.villageCode, event.recordedAt],
          );
          break;
        }
        case 'child.relocated': {
          const d = event.data as ChildEventData<'child.relocated'>;
          await client.query(
            `UPDATE reporting_skdn_residents SET regency_code = $2, district_code = $3, village_code = $4
              WHERE child_id = $1`,
            [d.childId, d.toRegencyCode, d.toDistrictCode, d.toVillageCode],
          );
          break;
        }
        case 'child.corrected': {
          const d = event.data as ChildEventData<'child.corrected'>;
          await client.query('UPDATE reporting_skdn_residents SET birth_date = $2 WHERE child_id = $1', [
            d.childId,
            d.birthDate,
          ]);
          break;
        }
        case 'child.died': {
          const d = event.data as ChildEventData<'child.died'>;
          await client.query('UPDATE reporting_skdn_residents SET died_on = $2 WHERE child_id = $1', [
            d.childId,
            d.diedOn,
          ]);
          break;
        }
        case 'child.merged':
        case 'child.unmerged': {
          const { childId } = event.data as { childId: string };
          await client.query('UPDATE reporting_skdn_residents SET merged = $2 WHERE child_id = $1', [
            childId,
            event.type === 'child.merged',
          ]);
          break;
        }
        default:
          break;
      }
    }
  }

  /** The counts from every row stored, into an empty table. */
  async build(client: PoolClient): Promise<void> {
    await client.query(BUILD_SQL);
  }
}
