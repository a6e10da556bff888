import type { AgeGroup } from './age-groups';
import type { IndicatorName } from './indicators';

/**
 * The measurement a child counts with in one cell of the prevalence aggregate: for one period (a year `2025` or a
 * month `2025-08`), one indicator and one age group, where the measurement was taken (desa, puskesmas, posyandu) and how it was classed.
 */
export interface ChosenMeasurement {
  readonly period: string;
  readonly indicator: IndicatorName;
  readonly ageGroup: AgeGroup;
  readonly regencyCode: string;
  readonly districtCode: string;
  readonly villageCode: string;
  readonly puskesmasCode: string;
  /** The posyandu the measurement was taken at; '' when none (a puskesmas visit). */
  readonly posyanduCode: string;
  readonly cls: string;
  readonly flagged: boolean;
}

/** How many children one count cell gains (positive) or loses (negative). */
export interface CountDelta extends ChosenMeasurement {
  readonly delta: number;
}

const keyOf = (row: ChosenMeasurement): string =>
  [
    row.period,
    row.indicator,
    row.ageGroup,
    row.regencyCode,
    row.districtCode,
    row.villageCode,
    row.puskesmasCode,
    row.posyanduCode,
    row.cls,
    row.flagged,
  ].join('|');

/**
 * What the counts must change by when some children's chosen measurements go from `before` to `after` (each row one
 * child in one cell). Cells that net to zero are left out; the rest are sorted by cell, so concurrent writers
 * update count rows in one order.
 */
export function countDeltas(before: readonly ChosenMeasurement[], after: readonly ChosenMeasurement[]): CountDelta[] {
  const cells = new Map<string, CountDelta>();
  const add = (row: ChosenMeasurement, delta: number) => {
    const key = keyOf(row);
    const cell = cells.get(key);
    cells.set(key, cell ? { ...cell, delta: cell.delta + delta } : { ...pick(row), delta });
  };
  for (const row of before) add(row, -1);
  for (const row of after) add(row, 1);
  return [...cells.entries()]
    .filter(([, cell]) => cell.delta !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, cell]) => cell);
}

const pick = (row: ChosenMeasurement): ChosenMeasurement => ({
  period: row.period,
  indicator: row.indicator,
  ageGroup: row.ageGroup,
  regencyCode: row.regencyCode,
  districtCode: row.districtCode,
  villageCode: row.villageCode,
  puskesmasCode: row.puskesmasCode,
  posyanduCode: row.posyanduCode,
  cls: row.cls,
  flagged: row.flagged,
});
