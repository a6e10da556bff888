import type { GrowthStandards, Indicator, Sex } from '@registry/anthropometry';

/**
 * The measurement that has a given z-score: the inverse of the WHO computation, found by bisection on the
 * library's own z-score so generated children are judged exactly as the registry will judge them.
 */
export function valueForZ(
  standards: GrowthStandards,
  indicator: Indicator,
  sex: Sex,
  at: number,
  z: number,
  low: number,
  high: number,
): number {
  let lo = low;
  let hi = high;
  for (let i = 0; i < 30; i += 1) {
    const mid = (lo + hi) / 2;
    const current = standards.zScore(indicator, sex, at, mid);
    if (current === null) return mid;
    if (current < z) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
