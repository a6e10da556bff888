/**
 * The registry's indicators (STANDARDS.md, Permenkes 2/2020): which z-score, which classes, which of them are the
 * numerator. Each child counts once per period, with its latest valid measurement; flagged values are excluded
 * from numerator and denominator; oedema counts as the most severe class of the weight-based indicators.
 */
export const INDICATORS = {
  stunting: {
    column: 'haz',
    classes: { severelyStunted: 'severely_stunted', stunted: 'stunted', normal: 'normal', tall: 'tall' },
    numerator: ['severely_stunted', 'stunted'],
  },
  wasting: {
    column: 'whz',
    classes: {
      severelyWasted: 'severely_wasted',
      wasted: 'wasted',
      normal: 'normal',
      possibleRiskOfOverweight: 'possible_risk_of_overweight',
      overweight: 'overweight',
      obese: 'obese',
    },
    numerator: ['severely_wasted', 'wasted'],
  },
  underweight: {
    column: 'waz',
    classes: {
      severelyUnderweight: 'severely_underweight',
      underweight: 'underweight',
      normal: 'normal',
      riskOfOverweight: 'risk_of_overweight',
    },
    numerator: ['severely_underweight', 'underweight'],
  },
} as const;

export type IndicatorName = keyof typeof INDICATORS;

export interface Period {
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly year: number;
}

/**
 * `2023` is the calendar year, `2023Q3` a calendar quarter (July to September, as DHIS2 names it), `2023-08` one
 * month (e.g. Bulan Timbang).
 */
export function parsePeriod(label: string): Period | null {
  const match = /^(\d{4})(?:-(0[1-9]|1[0-2])|Q([1-4]))?$/.exec(label);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[3]) {
    const first = (Number(match[3]) - 1) * 3 + 1;
    return {
      label,
      from: `${year}-${pad(first)}-01`,
      to: `${year}-${pad(first + 2)}-${lastDayOf(year, first + 2)}`,
      year,
    };
  }
  if (!match[2]) return { label, from: `${year}-01-01`, to: `${year}-12-31`, year };
  return { label, from: `${label}-01`, to: `${label}-${lastDayOf(year, Number(match[2]))}`, year };
}

export type PeriodKind = 'year' | 'quarter' | 'month';

/** What a period's label names; the prevalence aggregate keeps years and months only, so a quarter is recomputed. */
export const periodKind = (period: Period): PeriodKind =>
  period.label.includes('Q') ? 'quarter' : period.label.length > 4 ? 'month' : 'year';

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number): string => pad(new Date(Date.UTC(year, month, 0)).getUTCDate());

/** Percent with 2 decimals, half away from zero; null without a denominator. */
export function percent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator * 10000) / denominator) / 100;
}

/** Cells under the minimum are suppressed in public exports, so a small desa cannot identify a child. */
export const suppress = (count: number, minimum: number): number | null =>
  count > 0 && count < minimum ? null : count;

/**
 * What a public export shows of one row: the number measured unless it is small, and the classes with the ratios
 * only if none of them is small. One small class alone could be recovered from the others (measured minus the rest)
 * or from the prevalence, so the whole breakdown goes with it.
 */
export function publicRow(
  measured: number,
  classes: readonly number[],
  minimum: number,
): { readonly measured: boolean; readonly breakdown: boolean } {
  const measuredShown = suppress(measured, minimum) !== null;
  return { measured: measuredShown, breakdown: measuredShown && classes.every((n) => suppress(n, minimum) !== null) };
}
