import { MAX_AGE_DAYS } from '@registry/reporting-domain';
import { CLASSES_BY_INDICATOR_SQL, IS_CASE_SQL, MONTH_OF } from './skdn-sql';

/** The incidence counts' statements (skdn.projection.ts keeps them beside SKDN's, from the same versions). */

export const INCIDENCE_CELL =
  'indicator, month, regency_code, district_code, village_code, puskesmas_code, posyandu_code';

const incidenceUpsert = (sign: '+' | '-', rows: string) => `
INSERT INTO reporting_incidence_counts AS k (${INCIDENCE_CELL}, at_risk, onsets)
SELECT ${INCIDENCE_CELL}, ${sign === '-' ? '-' : ''}count(*), ${sign === '-' ? '-' : ''}count(*) FILTER (WHERE onset)
  FROM ${rows} r
 GROUP BY ${INCIDENCE_CELL}
ON CONFLICT (${INCIDENCE_CELL}) DO UPDATE SET at_risk = k.at_risk + excluded.at_risk, onsets = k.onsets + excluded.onsets`;

/** The records' months at risk leave the incidence counts; answers the cells they left. */
export const UNCOUNT_INCIDENCE_SQL = `
WITH gone AS (DELETE FROM reporting_incidence_at_risk c WHERE c.child_id = ANY($1) RETURNING c.*)
${incidenceUpsert('-', 'gone')}
RETURNING ${INCIDENCE_CELL}`;

export const DROP_EMPTY_INCIDENCE_SQL = `
DELETE FROM reporting_incidence_counts
 WHERE (${INCIDENCE_CELL}) IN (
   SELECT * FROM unnest($1::smallint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]))
   AND at_risk = 0`;

/**
 * Each record's months at risk found again from the current versions (`current`: CURRENT_OF_RECORDS or
 * CURRENT_OF_ALL) of its own measurements and those of the records merged into it, and counted (the rule of
 * incidenceByPlace, reporting-domain: a month's state is its latest valid measurement; at risk after a month at or
 * above −2; an onset when below −2 then), where that measurement was taken ('' for no posyandu).
 */
export const countIncidenceSql = (current: string): string => `
WITH ${current}, monthly AS (
  SELECT DISTINCT ON (c.real_id, i.indicator, ${MONTH_OF('c.measured_on')}) c.real_id, i.indicator,
         ${MONTH_OF('c.measured_on')} AS month, ${IS_CASE_SQL('i.indicator', 'i.cls')} AS low,
         c.regency_code, c.district_code, c.village_code, c.puskesmas_code, COALESCE(c.posyandu_code, '') AS posyandu_code
    FROM current c
   CROSS JOIN LATERAL (VALUES ${CLASSES_BY_INDICATOR_SQL('c')}) i(indicator, cls, flagged)
   WHERE NOT c.voided AND c.age_days <= ${MAX_AGE_DAYS.balita} AND i.cls IS NOT NULL AND NOT i.flagged
   ORDER BY c.real_id, i.indicator, ${MONTH_OF('c.measured_on')}, c.measured_on DESC, c.measurement_id DESC
), transitions AS (
  SELECT *, lag(low) OVER (PARTITION BY real_id, indicator ORDER BY month) AS was_low FROM monthly
), added AS (
  INSERT INTO reporting_incidence_at_risk (child_id, indicator, month, onset, regency_code, district_code, village_code,
    puskesmas_code, posyandu_code)
  SELECT real_id, indicator, month, low, regency_code, district_code, village_code, puskesmas_code, posyandu_code
    FROM transitions WHERE NOT was_low
  RETURNING *
)
${incidenceUpsert('+', 'added')}`;
