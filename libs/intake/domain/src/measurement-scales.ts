/**
 * The numeric fields of a measurement and the precision each is kept at: the step of the instruments posyandu and
 * puskesmas read them from (a digital baby scale reads 10 g, a length board, a microtoise and a tape 1 mm). A value
 * sent with more decimals is rounded to that step, never refused: clients compute values in binary floating point
 * (`5.0 + 0.3 * 9` is 7.699999999999999) and spreadsheets export whatever they hold.
 */
export const MEASUREMENT_SCALES = {
  weightKg: { decimals: 2, unit: 'kg', what: 'weight' },
  heightCm: { decimals: 1, unit: 'cm', what: 'length (lying) or height (standing) as read' },
  headCircumferenceCm: { decimals: 1, unit: 'cm', what: 'head circumference' },
  muacCm: { decimals: 1, unit: 'cm', what: 'mid-upper arm circumference (LiLA)' },
} as const;

export type MeasuredField = keyof typeof MEASUREMENT_SCALES;

/** Below the 17 significant digits a double carries, so the noise of one or two float operations is dropped. */
const SIGNIFICANT_DIGITS = 15;

/**
 * `value` rounded half up to `decimals` decimal places as a person reads the decimal number: 1.005 is 1.01 at two
 * places, though the double nearest to 1.005 lies below it. The value is first read to 15 significant digits
 * (7.699999999999999 is 7.7), then shifted in its decimal text, so no multiplication adds noise back. Values that
 * are not finite, or too large to have decimals, are returned unchanged for the range checks to refuse.
 */
export function toDecimals(value: number, decimals: number): number {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return value;
  const read = Number(value.toPrecision(SIGNIFICANT_DIGITS));
  return shift(Math.round(shift(read, decimals)), -decimals);
}

/** `value` × 10^places, computed on the decimal text (`1.005e2` is exactly 100.5). */
function shift(value: number, places: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** The values with each measured field at its scale's precision; absent fields stay absent. */
export function onScale<T extends Partial<Record<MeasuredField, number | null>>>(values: T): T {
  const scaled: Record<string, unknown> = { ...values };
  for (const field of Object.keys(MEASUREMENT_SCALES) as MeasuredField[]) {
    const value = values[field];
    if (typeof value === 'number') scaled[field] = toDecimals(value, MEASUREMENT_SCALES[field].decimals);
  }
  return scaled as T;
}
