import {
  AGE_GROUP_ORDER,
  INDICATOR_ORDER,
  INDICATORS,
  MAX_AGE_DAYS,
  PREVALENCE_CHOICE_ORDER,
  type PrevalenceChoiceKey,
} from '@registry/reporting-domain';

/**
 * The prevalence choice in SQL: what a child can count with in each cell of the aggregate, and which candidate it
 * counts with, by PREVALENCE_CHOICE_ORDER (reporting-domain), the rule the in-memory build applies too. The
 * incremental deltas (prevalence-deltas.ts), the full build (prevalence-aggregate.ts) and PrevalenceQuery all choose
 * with it.
 */

/** The columns of the choice rule's keys, but the flag: each indicator has its own. */
const CHOICE_COLUMNS: Readonly<Record<Exclude<PrevalenceChoiceKey, 'flagged'>, string>> = {
  measuredOn: 'measured_on',
  recordedAt: 'recorded_at',
  measurementId: 'measurement_id',
};

/**
 * The choice rule as an ORDER BY list, the chosen candidate first: over the candidates below by default, or over
 * measurement versions with the column of one indicator's flag.
 */
export const prevalenceChoiceOrderSql = (flaggedColumn = 'flagged'): string =>
  PREVALENCE_CHOICE_ORDER.map(
    ({ key, descending }) => `${key === 'flagged' ? flaggedColumn : CHOICE_COLUMNS[key]}${descending ? ' DESC' : ''}`,
  ).join(', ');

// Periods, indicators and age groups carry integer keys: the build sorts every candidate row by them, and integers
// compare far faster than text under the database's collation.
export const periodsOf = (date: string) =>
  [
    `(extract(year FROM ${date})::int * 100, to_char(${date}, 'YYYY'))`,
    `(extract(year FROM ${date})::int * 100 + extract(month FROM ${date})::int, to_char(${date}, 'YYYY-MM'))`,
  ].join(', ');

// Keyed by the numbers the cells store them under (cell-codes.ts).
const INDICATOR_VALUES = INDICATOR_ORDER.map(
  (name, key) => `(${key}, '${name}', c.${INDICATORS[name].column}_class, c.${INDICATORS[name].column}_flag)`,
).join(', ');

const AGE_GROUP_VALUES = AGE_GROUP_ORDER.map((group, key) => `(${key}, '${group}', ${MAX_AGE_DAYS[group]})`).join(', ');

/**
 * What a child can count with — the rules of PrevalenceQuery: the latest version of each measurement, voided ones
 * gone, merged records under the surviving child (real_child_id), once per indicator with a class and per age group
 * the child was in. `latest` gives the latest versions looked at, `merges` finds each one's active merge
 * (m.into_child_id).
 */
export const candidatesSql = (latest: string, merges: string): string => `
SELECT c.*, i.indicator_key, i.indicator, i.cls, i.flagged, a.age_group_key, a.age_group
  FROM (SELECT l.*, COALESCE(m.into_child_id, l.child_id) AS real_child_id
          FROM (${latest}) l
          ${merges}
         WHERE NOT l.voided) c
 CROSS JOIN LATERAL (VALUES ${INDICATOR_VALUES}) i(indicator_key, indicator, cls, flagged)
 CROSS JOIN (VALUES ${AGE_GROUP_VALUES}) a(age_group_key, age_group, max_age_days)
 WHERE i.cls IS NOT NULL AND c.age_days <= a.max_age_days`;

/**
 * Each real child's chosen measurement per period (year and month), indicator and age group. `realChildren` limits
 * the children returned (it may name c.real_child_id and p.period).
 */
export function chosenMeasurementsSql(latest: string, realChildren: string, merges: string): string {
  return `
SELECT DISTINCT ON (real_child_id, period_key, indicator_key, age_group_key)
       period, indicator, age_group, regency_code, district_code, village_code, puskesmas_code, posyandu_code, cls,
       flagged
  FROM (SELECT c.*, p.period_key, p.period
          FROM (${candidatesSql(latest, merges)}) c
         CROSS JOIN LATERAL (VALUES ${periodsOf('c.measured_on')}) p(period_key, period)
         WHERE ${realChildren}) candidates
 ORDER BY real_child_id, period_key, indicator_key, age_group_key, ${prevalenceChoiceOrderSql()}`;
}
