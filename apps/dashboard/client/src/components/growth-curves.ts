/** Days in a month of age, as the WHO standards count them. */
export const DAYS_PER_MONTH = 30.4375;

export interface CurvePoint {
  readonly at: number;
  /** The measurement at −3, −2, −1, 0, +1, +2, +3 SD. */
  readonly values: readonly number[];
}

/** The −3…+3 SD values at `x`, read linearly between the two sampled points around it; null off the chart. */
function linesAt(curves: readonly CurvePoint[], x: number): readonly number[] | null {
  const after = curves.findIndex((p) => p.at >= x);
  if (after < 0 || (after === 0 && curves[0].at !== x)) return null;
  const right = curves[after];
  const left = curves[Math.max(0, after - 1)];
  const share = right.at === left.at ? 0 : (x - left.at) / (right.at - left.at);
  return left.values.map((value, i) => value + share * (right.values[i] - value));
}

/**
 * The z-score a point's position reads as on the chart: its place between the two SD lines around it, read
 * linearly, and beyond ±3 by the spacing of the outermost two lines (WHO's restricted rule for weight). Null where
 * the chart has no lines for `x`.
 */
export function plottedZ(curves: readonly CurvePoint[], x: number, y: number): number | null {
  const v = linesAt(curves, x);
  if (v === null) return null;
  const last = v.length - 1;
  if (y <= v[0]) return -3 - (v[0] - y) / (v[1] - v[0]);
  if (y >= v[last]) return 3 + (y - v[last]) / (v[last] - v[last - 1]);
  const k = v.findIndex((value, i) => y >= value && y <= v[i + 1]);
  return -3 + k + (y - v[k]) / (v[k + 1] - v[k]);
}

/**
 * Where a point of z-score `z` at `x` is drawn: plottedZ's inverse, so it reads back as exactly `z`. For charts of
 * a child whose measured values are not shown (the sponsor portal), the point stands where its z-score puts it.
 */
export function drawnAtZ(curves: readonly CurvePoint[], x: number, z: number): number | null {
  const v = linesAt(curves, x);
  if (v === null) return null;
  const last = v.length - 1;
  if (z <= -3) return v[0] - (-3 - z) * (v[1] - v[0]);
  if (z >= 3) return v[last] + (z - 3) * (v[last] - v[last - 1]);
  const k = Math.floor(z + 3);
  return v[k] + (z + 3 - k) * (v[k + 1] - v[k]);
}
