import type { LengthLmsTable, LmsTable } from './lms-table';
import { lmsMeasurementAt } from './z-score';

/** The z-score lines a growth chart draws, as on the WHO charts and the KMS. */
export const CURVE_Z_SCORES = [-3, -2, -1, 0, 1, 2, 3] as const;

/** One point of every curve: `at` is age in days or length/height in cm; `values[i]` sits at CURVE_Z_SCORES[i]. */
export interface CurvePoint {
  readonly at: number;
  readonly values: readonly number[];
}

/** Rounding of curve values: finer than any chart draws, coarse enough to keep the answer small. */
const round3 = (value: number): number => Math.round(value * 1000) / 1000;

/** The curves of a day table, one point every `stepDays` days and at the last row. */
export function ageCurves(table: LmsTable, stepDays: number): CurvePoint[] {
  return sampledRows(table, stepDays).map((day) => ({ at: day, values: valuesAt(table, day) }));
}

/** The curves of a length/height table, one point every `stepTenths` tenths of a centimetre. */
export function lengthCurves(table: LengthLmsTable, stepTenths: number): CurvePoint[] {
  return sampledRows(table, stepTenths).map((row) => ({
    at: (table.firstTenthCm + row) / 10,
    values: valuesAt(table, row),
  }));
}

function sampledRows(table: LmsTable, step: number): number[] {
  const rows: number[] = [];
  const last = table.l.length - 1;
  for (let row = 0; row < last; row += step) rows.push(row);
  rows.push(last);
  return rows;
}

function valuesAt(table: LmsTable, row: number): number[] {
  return CURVE_Z_SCORES.map((z) => round3(lmsMeasurementAt(z, table.l[row], table.m[row], table.s[row])));
}
