import { ageCurves, CURVE_Z_SCORES, lengthCurves } from './growth-curves';
import { zScoreAtAge, zScoreAtLength } from './lms-table';

// A two-row excerpt shaped like WHO's tables (L, M, S of boys' length-for-age at day 0 and day 1).
const dayTable = {
  l: Float64Array.from([1, 1, 1]),
  m: Float64Array.from([49.8842, 50.0601, 50.2359]),
  s: Float64Array.from([0.03795, 0.03785, 0.03775]),
};
const lengthTable = {
  firstTenthCm: 450,
  l: Float64Array.from([-0.3521, -0.3521, -0.3521]),
  m: Float64Array.from([2.441, 2.4577, 2.4744]),
  s: Float64Array.from([0.09182, 0.09176, 0.0917]),
};

describe('growth curves', () => {
  it('places each line at its z-score when read back through the same table', () => {
    for (const point of ageCurves(dayTable, 1)) {
      point.values.forEach((value, i) => {
        expect(zScoreAtAge(dayTable, point.at, value, false)).toBeCloseTo(CURVE_Z_SCORES[i], 2);
      });
    }
    for (const point of lengthCurves(lengthTable, 1)) {
      point.values.forEach((value, i) => {
        expect(zScoreAtLength(lengthTable, point.at, value)).toBeCloseTo(CURVE_Z_SCORES[i], 2);
      });
    }
  });

  it('samples every step and always ends at the last row', () => {
    expect(ageCurves(dayTable, 2).map((p) => p.at)).toEqual([0, 2]);
    expect(lengthCurves(lengthTable, 5).map((p) => p.at)).toEqual([45, 45.2]);
  });

  it('orders the lines from −3 to +3', () => {
    const [point] = ageCurves(dayTable, 1);
    expect([...point.values].sort((a, b) => a - b)).toEqual(point.values);
  });
});
