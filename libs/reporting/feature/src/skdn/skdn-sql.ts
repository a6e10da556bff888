import { INDICATOR_ORDER, INDICATORS, MAX_AGE_DAYS, type SkdnCounts } from '@registry/reporting-domain';

/** A date's month as the integer YYYYMM the counts are keyed by. */
export const MONTH_OF = (date: string): string =>
  `(extract(year FROM ${date})::int * 100 + extract(month FROM ${date})::int)`;

/**
 * A weighing (columns age_days, measured_on) of a balita of its month, isBalitaIn's rule (reporting-domain): at most
 * MAX_AGE_DAYS.balita days old on the month's first day; born by the month's end it is, being weighed in it.
 */
export const BALITA_IN_MONTH_SQL = `age_days - extract(day FROM measured_on)::int + 1 <= ${MAX_AGE_DAYS.balita}`;

/**
 * Each kept count's column, the SkdnCounts field it is, and how a group of chosen weighings (columns judgement,
 * consecutive_t, bgm) gives it, as countOf (reporting-domain) counts one weighing.
 */
const COUNTS: ReadonlyArray<readonly [string, keyof SkdnCounts, string]> = [
  ['weighed', 'weighed', 'count(*)'],
  ['n', 'n', `count(*) FILTER (WHERE judgement = 'N')`],
  ['t', 't', `count(*) FILTER (WHERE judgement = 'T')`],
  ['two_t', 'twoT', `count(*) FILTER (WHERE judgement = 'T' AND consecutive_t >= 2)`],
  ['o', 'o', `count(*) FILTER (WHERE judgement = 'O')`],
  ['b', 'b', `count(*) FILTER (WHERE judgement = 'B')`],
  ['bgm', 'bgm', 'count(*) FILTER (WHERE bgm)'],
];

/** The kept counts' columns, in the order of countsOf. */
export const COUNT_COLUMNS = COUNTS.map(([column]) => column);

/** A group's counts, negated with `sign` '-' to take them away. */
export const countsOf = (sign: '+' | '-'): string =>
  COUNTS.map(([, , count]) => `${sign === '-' ? '-' : ''}${count}`).join(', ');

/** A group's counts of chosen weighings, named as SkdnCounts names them. */
export const NAMED_COUNTS = COUNTS.map(([, field, count]) => `${count}::int AS "${field}"`).join(', ');

/** The kept counts summed per group, named as SkdnCounts names them. */
export const NAMED_SUMS = COUNTS.map(([column, field]) => `COALESCE(sum(${column}), 0)::int AS "${field}"`).join(', ');

/** A row's three indicators as (number, class, flag) tuples for VALUES, numbered as cell-codes.ts numbers them. */
export const CLASSES_BY_INDICATOR_SQL = (row: string): string =>
  INDICATOR_ORDER.map(
    (name, number) =>
      `(${number}::smallint, ${row}.${INDICATORS[name].column}_class, ${row}.${INDICATORS[name].column}_flag)`,
  ).join(', ');

/** Whether a class of the indicator numbered `indicator` is one of its cases (below −2 SD): isCaseClass in SQL. */
export const IS_CASE_SQL = (indicator: string, cls: string): string =>
  `(CASE ${indicator} ${INDICATOR_ORDER.map(
    (name, number) =>
      `WHEN ${number} THEN ${cls} IN (${INDICATORS[name].numerator.map((code) => `'${code}'`).join(', ')})`,
  ).join(' ')} END)`;

/**
 * A CTE `current`: the current version of every measurement of the records in $1 that are not merged into another
 * (`real_id`), and of the records merged into them (under the survivor's id): what a record counts with now. Index
 * lookups per record, for the live consumer's chunks.
 */
export const CURRENT_OF_RECORDS = `target AS (
  SELECT t.child_id FROM unnest($1::uuid[]) t(child_id)
   WHERE NOT EXISTS (SELECT 1 FROM reporting_skdn_merges m WHERE m.child_id = t.child_id AND m.unmerged_at IS NULL)
), members AS (
  SELECT child_id AS real_id, child_id FROM target
  UNION ALL
  SELECT m.into_child_id, m.child_id FROM reporting_skdn_merges m JOIN target t ON m.into_child_id = t.child_id
   WHERE m.unmerged_at IS NULL
), current AS (
  SELECT mb.real_id, w.*
    FROM members mb
   CROSS JOIN LATERAL (
     SELECT DISTINCT ON (measurement_id) * FROM reporting_skdn_weighings w
      WHERE w.child_id = mb.child_id ORDER BY measurement_id, version DESC) w
)`;

/** Kemendagri codes nest, so a region's desa all start with its code: the pattern its desa codes match. */
export const villagePattern = (regionCode: string | null): string =>
  regionCode === null ? '%' : regionCode.split('.').length === 4 ? regionCode : `${regionCode}.%`;

/** The regency a region lies in, when it is one or lies in one: its rows are then found by equality. */
export const regencyOf = (regionCode: string | null): string | null =>
  regionCode !== null && regionCode.split('.').length >= 2 ? regionCode.slice(0, 5) : null;

/** The same CTE `current` for every record: one sort of every version, for a rebuild's set-based finish. */
export const CURRENT_OF_ALL = `current AS (
  SELECT COALESCE(m.into_child_id, w.child_id) AS real_id, w.*
    FROM (SELECT DISTINCT ON (measurement_id) * FROM reporting_skdn_weighings
           ORDER BY measurement_id, version DESC) w
    LEFT JOIN reporting_skdn_merges m ON m.child_id = w.child_id AND m.unmerged_at IS NULL
)`;

/**
 * CTEs up to `current`, as the registry knew things at $3: the records measured in the region ($6: its regency, or
 * null; $4: the pattern of its desa codes) from $1 (inclusive) to $2 (exclusive), under their surviving records then
 * (`real_id`), with the latest version known then of every measurement of theirs and of the records merged into them.
 */
export const CURRENT_AS_OF = `merges AS (
  SELECT child_id, into_child_id FROM reporting_skdn_merges
   WHERE merged_at <= $3 AND (unmerged_at IS NULL OR unmerged_at > $3)
), here AS (
  SELECT DISTINCT child_id FROM reporting_skdn_weighings
   WHERE ($6::text IS NULL OR regency_code = $6) AND measured_on >= $1 AND measured_on < $2 AND recorded_at <= $3
     AND village_code LIKE $4
), reals AS (
  SELECT DISTINCT COALESCE(m.into_child_id, h.child_id) AS real_id FROM here h LEFT JOIN merges m USING (child_id)
), members AS (
  SELECT real_id, real_id AS child_id FROM reals
  UNION ALL
  SELECT m.into_child_id, m.child_id FROM merges m JOIN reals r ON r.real_id = m.into_child_id
), current AS (
  SELECT mb.real_id, w.*
    FROM members mb
   CROSS JOIN LATERAL (
     SELECT DISTINCT ON (measurement_id) * FROM reporting_skdn_weighings w
      WHERE w.child_id = mb.child_id AND w.recorded_at <= $3 ORDER BY measurement_id, version DESC) w
)`;
