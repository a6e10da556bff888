// The LMS arithmetic of the WHO Child Growth Standards (WHO 2006, chapter 7). Pure number functions: they run
// millions of times per second, so they take and return plain numbers and allocate nothing.

/** z = ((y/M)^L − 1)/(L·S); L = 0 is the Box-Cox limit ln(y/M)/S. */
export function lmsZScore(y: number, l: number, m: number, s: number): number {
  return l === 0 ? Math.log(y / m) / s : (Math.pow(y / m, l) - 1) / (l * s);
}

/** The measurement that sits exactly at z (WHO's SDk = M·(1 + L·S·k)^(1/L)). */
export function lmsMeasurementAt(z: number, l: number, m: number, s: number): number {
  return l === 0 ? m * Math.exp(s * z) : m * Math.pow(1 + l * s * z, 1 / l);
}

/**
 * WHO's "restricted application of the LMS method" for weight-based indicators: beyond ±3 the LMS curve is
 * skewed, so z continues linearly with the distance between the ±2 and ±3 SD lines instead.
 */
export function restrictedLmsZScore(y: number, l: number, m: number, s: number): number {
  const z = lmsZScore(y, l, m, s);
  if (z > 3) {
    const sd3 = lmsMeasurementAt(3, l, m, s);
    return 3 + (y - sd3) / (sd3 - lmsMeasurementAt(2, l, m, s));
  }
  if (z < -3) {
    const sd3 = lmsMeasurementAt(-3, l, m, s);
    return -3 + (y - sd3) / (lmsMeasurementAt(-2, l, m, s) - sd3);
  }
  return z;
}

/**
 * Rounds to 2 decimals, halves away from zero, as WHO software reports z-scores. The trailing `+ 0` turns −0
 * (e.g. from −0.001) into 0 so that a rounded zero is a plain zero everywhere.
 */
export function roundZScore(z: number): number {
  return (z < 0 ? -Math.round(-z * 100) : Math.round(z * 100)) / 100 + 0;
}
