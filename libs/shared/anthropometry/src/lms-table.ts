import { lmsZScore, restrictedLmsZScore } from './z-score';

/** L, M and S columns of one WHO table, one entry per row. */
export interface LmsTable {
  readonly l: Float64Array;
  readonly m: Float64Array;
  readonly s: Float64Array;
}

/** A weight-for-length or weight-for-height table: row i is for (firstTenthCm + i) / 10 cm. */
export interface LengthLmsTable extends LmsTable {
  readonly firstTenthCm: number;
}

export interface BySex<T> {
  readonly male: T;
  readonly female: T;
}

/** The six WHO 2006 tables a z-score is looked up in; day tables are indexed by completed age in days. */
export interface GrowthTables {
  readonly heightForAge: BySex<LmsTable>;
  readonly weightForAge: BySex<LmsTable>;
  readonly bmiForAge: BySex<LmsTable>;
  readonly headCircumferenceForAge: BySex<LmsTable>;
  readonly weightForLength: BySex<LengthLmsTable>;
  readonly weightForHeight: BySex<LengthLmsTable>;
}

/** Rows of a length table closer than this to a 0.1 cm mark are that row: 0.7 or 80.3 are not exact in binary. */
const ROW_SNAP = 1e-9;

/**
 * z-score from a day table; NaN when the age has no row. A fractional age is rounded half up to whole days,
 * as WHO Anthro does.
 */
export function zScoreAtAge(table: LmsTable, ageDays: number, y: number, restricted: boolean): number {
  if (!(ageDays >= 0)) return NaN;
  const day = Math.floor(ageDays + 0.5);
  if (day >= table.l.length) return NaN;
  return restricted
    ? restrictedLmsZScore(y, table.l[day], table.m[day], table.s[day])
    : lmsZScore(y, table.l[day], table.m[day], table.s[day]);
}

/**
 * Restricted z-score from a length/height table; NaN outside the table (WHO never extrapolates). Between two
 * 0.1 cm rows L, M and S are interpolated linearly, as WHO Anthro does for length/height with more decimals.
 */
export function zScoreAtLength(table: LengthLmsTable, lengthCm: number, y: number): number {
  const position = lengthCm * 10 - table.firstTenthCm;
  const lastRow = table.l.length - 1;
  if (!(position >= 0 && position <= lastRow)) return NaN;
  const nearestRow = Math.round(position);
  if (Math.abs(position - nearestRow) < ROW_SNAP) {
    return restrictedLmsZScore(y, table.l[nearestRow], table.m[nearestRow], table.s[nearestRow]);
  }
  const row = Math.floor(position);
  const fraction = position - row;
  const { l, m, s } = table;
  return restrictedLmsZScore(
    y,
    l[row] + fraction * (l[row + 1] - l[row]),
    m[row] + fraction * (m[row + 1] - m[row]),
    s[row] + fraction * (s[row + 1] - s[row]),
  );
}
