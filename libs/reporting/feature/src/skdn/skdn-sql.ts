import type { SkdnCounts } from '@registry/reporting-domain';

/** A date's month as the integer YYYYMM the counts are keyed by. */
export const MONTH_OF = (date: string): string =>
  `(extract(year FROM ${date})::int * 100 + extract(month FROM ${date})::int)`;

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
