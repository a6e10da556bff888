export interface CurvePoint {
  readonly at: number;
  /** The measurement at −3, −2, −1, 0, +1, +2, +3 SD. */
  readonly values: readonly number[];
}

/**
 * The z-score a point's position reads as on the chart: its place between the two SD lines around it, read
 * linearly, and beyond ±3 by the spacing of the outermost two lines (WHO's restricted rule for weight). Null where
 * the chart has no lines for `x`.
 */
export function plottedZ(curves: readonly CurvePoint[], x: number, y: number): number | null {
  const after = curves.findIndex((p) => p.at >= x);
  if (after < 0 || (after === 0 && curves[0].at !== x)) return null;
  const right = curves[after];
  const left = curves[Math.max(0, after - 1)];
  const share = right.at === left.at ? 0 : (x - left.at) / (right.at - left.at);
  const v = left.values.map((value, i) => value + share * (right.values[i] - value));
  const last = v.length - 1;
  if (y <= v[0]) return -3 - (v[0] - y) / (v[1] - v[0]);
  if (y >= v[last]) return 3 + (y - v[last]) / (v[last] - v[last - 1]);
  const k = v.findIndex((value, i) => y >= value && y <= v[i + 1]);
  return -3 + k + (y - v[k]) / (v[k + 1] - v[k]);
}
