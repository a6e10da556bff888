import { lmsMeasurementAt, lmsZScore, restrictedLmsZScore, roundZScore } from './z-score';

// LMS parameters of WHO wfa boys, day 0 (a skewed weight distribution, where the restricted rule matters).
const L = 0.3487;
const M = 3.3464;
const S = 0.14602;

describe('lmsZScore', () => {
  it('Given the median, when scored, then z is 0', () => {
    expect(lmsZScore(M, L, M, S)).toBe(0);
  });

  it.each([-3, -2, -1, 1, 2, 3, 4.5])('Given the measurement at SD %p, when scored, then z is that SD', (k) => {
    expect(lmsZScore(lmsMeasurementAt(k, L, M, S), L, M, S)).toBeCloseTo(k, 12);
  });

  it('Given L = 0, when scored, then z is the Box-Cox limit ln(y/M)/S', () => {
    expect(lmsZScore(M * Math.exp(2 * S), 0, M, S)).toBeCloseTo(2, 12);
    expect(lmsMeasurementAt(-1.5, 0, M, S)).toBeCloseTo(M * Math.exp(-1.5 * S), 12);
  });

  it('Given L → 0, when scored, then z approaches the L = 0 value (no discontinuity)', () => {
    const y = 1.2 * M;
    expect(lmsZScore(y, 1e-9, M, S)).toBeCloseTo(lmsZScore(y, 0, M, S), 6);
  });
});

describe('restrictedLmsZScore', () => {
  const sd = (k: number) => lmsMeasurementAt(k, L, M, S);

  it.each([-3, -2.5, 0, 1.7, 3])('Given z = %p within ±3, when scored, then it equals the plain LMS z-score', (k) => {
    expect(restrictedLmsZScore(sd(k), L, M, S)).toBe(lmsZScore(sd(k), L, M, S));
  });

  it('Given a weight above SD3, when scored, then z continues linearly by the SD2–SD3 distance', () => {
    const y = sd(3) + 1.5 * (sd(3) - sd(2));
    expect(restrictedLmsZScore(y, L, M, S)).toBeCloseTo(4.5, 12);
    expect(lmsZScore(y, L, M, S)).not.toBeCloseTo(4.5, 2);
  });

  it('Given a weight below SD3neg, when scored, then z continues linearly by the SD2neg–SD3neg distance', () => {
    const y = sd(-3) - 2 * (sd(-2) - sd(-3));
    expect(restrictedLmsZScore(y, L, M, S)).toBeCloseTo(-5, 12);
    expect(lmsZScore(y, L, M, S)).not.toBeCloseTo(-5, 2);
  });

  it('Given weights just beside ±3, when scored, then the z-score is continuous across the switch', () => {
    for (const k of [-3, 3]) {
      const step = 1e-9;
      expect(restrictedLmsZScore(sd(k) - step, L, M, S)).toBeCloseTo(restrictedLmsZScore(sd(k) + step, L, M, S), 6);
    }
  });
});

describe('roundZScore', () => {
  it.each([
    [-2.004, -2],
    [-2.006, -2.01],
    [2.996, 3],
    [1.2349, 1.23],
    [-3.0051, -3.01],
    [0.004, 0],
  ])('Given %p, when rounded, then it is %p', (z, rounded) => {
    expect(roundZScore(z)).toBe(rounded);
  });

  it('Given halves, when rounded, then they go away from zero as WHO software does', () => {
    expect(roundZScore(0.125)).toBe(0.13);
    expect(roundZScore(-0.125)).toBe(-0.13);
  });

  it('Given a small negative z, when rounded to zero, then it is +0, not −0', () => {
    expect(Object.is(roundZScore(-0.001), 0)).toBe(true);
  });
});
