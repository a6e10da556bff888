import { sharedGrowthStandards, sharedGrowthTables } from '../test-support/shared-tables';
import { AnthropometryInputError } from './errors';
import type { Indicator } from './growth-standards';
import type { LmsTable } from './lms-table';
import type { Sex } from './measurement-input';
import { lmsMeasurementAt, lmsZScore } from './z-score';

const standards = sharedGrowthStandards();
const tables = sharedGrowthTables();
const SEXES: Sex[] = ['male', 'female'];

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so property tests repeat exactly. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Row i of a table as { l, m, s }. */
const row = (table: LmsTable, i: number) => ({ l: table.l[i], m: table.m[i], s: table.s[i] });

const AGE_INDICATORS = ['heightForAge', 'weightForAge', 'bmiForAge', 'headCircumferenceForAge'] as const;
const LENGTH_INDICATORS = [
  { indicator: 'weightForLength', firstCm: 45, lastCm: 110 },
  { indicator: 'weightForHeight', firstCm: 65, lastCm: 120 },
] as const;
const SAMPLED_DAYS = [0, 1, 30, 91, 273, 274, 365, 730, 731, 1000, 1500, 1826, 1827, 1856];
const SAMPLED_CM = (firstCm: number, lastCm: number) => [
  firstCm,
  firstCm + 0.1,
  72.3,
  80,
  87.6,
  99.9,
  lastCm - 0.1,
  lastCm,
];

describe('GrowthStandards.zScore: round trips through the tables', () => {
  describe.each(AGE_INDICATORS)('%s', (indicator) => {
    it.each(SEXES)('Given the median M of %s at sampled ages, when scored, then z is 0', (sex) => {
      for (const day of SAMPLED_DAYS) {
        expect(standards.zScore(indicator, sex, day, row(tables[indicator][sex], day).m)).toBeCloseTo(0, 12);
      }
    });

    it.each(SEXES)('Given M·(1+L·S·k)^(1/L) for k = ±1, ±2, ±3 (%s), when scored, then z is k', (sex) => {
      for (const day of SAMPLED_DAYS) {
        const { l, m, s } = row(tables[indicator][sex], day);
        for (const k of [-3, -2, -1, 1, 2, 3]) {
          expect(standards.zScore(indicator, sex, day, lmsMeasurementAt(k, l, m, s))).toBeCloseTo(k, 9);
        }
      }
    });
  });

  describe.each(LENGTH_INDICATORS)('$indicator', ({ indicator, firstCm, lastCm }) => {
    it.each(SEXES)('Given M·(1+L·S·k)^(1/L) for k = 0, ±1, ±2, ±3 on 0.1 cm rows (%s), then z is k', (sex) => {
      const table = tables[indicator][sex];
      for (const cm of SAMPLED_CM(firstCm, lastCm)) {
        const { l, m, s } = row(table, Math.round((cm - firstCm) * 10));
        for (const k of [-3, -2, -1, 0, 1, 2, 3]) {
          expect(standards.zScore(indicator, sex, cm, lmsMeasurementAt(k, l, m, s))).toBeCloseTo(k, 9);
        }
      }
    });
  });
});

describe('GrowthStandards.zScore: restricted LMS beyond ±3', () => {
  it.each(['weightForAge', 'bmiForAge'] as const)(
    'Given %s beyond SD3, then z follows the SD2–SD3 line',
    (indicator) => {
      const { l, m, s } = row(tables[indicator].female, 400);
      const [sd2, sd3, sd2neg, sd3neg] = [2, 3, -2, -3].map((k) => lmsMeasurementAt(k, l, m, s));
      expect(standards.zScore(indicator, 'female', 400, sd3 + (sd3 - sd2))).toBeCloseTo(4, 12);
      expect(standards.zScore(indicator, 'female', 400, sd3neg - 0.5 * (sd2neg - sd3neg))).toBeCloseTo(-3.5, 12);
    },
  );

  it('Given weight-for-length beyond SD3, then z follows the SD2–SD3 line', () => {
    const { l, m, s } = row(tables.weightForLength.male, 350);
    const [sd2, sd3] = [2, 3].map((k) => lmsMeasurementAt(k, l, m, s));
    expect(standards.zScore('weightForLength', 'male', 80, sd3 + 2 * (sd3 - sd2))).toBeCloseTo(5, 12);
  });

  it('Given height-for-age at SD±4, when scored, then the plain LMS formula gives ±4 (no restriction)', () => {
    const { l, m, s } = row(tables.heightForAge.male, 900);
    expect(standards.zScore('heightForAge', 'male', 900, lmsMeasurementAt(4, l, m, s))).toBeCloseTo(4, 12);
    expect(standards.zScore('heightForAge', 'male', 900, lmsMeasurementAt(-4, l, m, s))).toBeCloseTo(-4, 12);
  });
});

describe('GrowthStandards.zScore: interpolation between 0.1 cm rows', () => {
  it.each(LENGTH_INDICATORS)('Given $indicator at 80.05 cm, then L, M, S are midway between 80.0 and 80.1', (spec) => {
    const table = tables[spec.indicator].female;
    const lower = row(table, Math.round((80 - spec.firstCm) * 10));
    const upper = row(table, Math.round((80.1 - spec.firstCm) * 10));
    const mid = (a: number, b: number) => (a + b) / 2;
    const expected = lmsZScore(10.5, mid(lower.l, upper.l), mid(lower.m, upper.m), mid(lower.s, upper.s));
    expect(standards.zScore(spec.indicator, 'female', 80.05, 10.5)).toBeCloseTo(expected, 10);
  });

  it('Given a length a quarter of the way between rows, then L, M, S are a quarter of the way', () => {
    const lower = row(tables.weightForLength.male, 350);
    const upper = row(tables.weightForLength.male, 351);
    const quarter = (a: number, b: number) => a + 0.25 * (b - a);
    const expected = lmsZScore(11, quarter(lower.l, upper.l), quarter(lower.m, upper.m), quarter(lower.s, upper.s));
    expect(standards.zScore('weightForLength', 'male', 80.025, 11)).toBeCloseTo(expected, 10);
  });
});

describe('GrowthStandards.zScore: outside the tables', () => {
  it.each<[Indicator, number]>([
    ['weightForLength', 44.9],
    ['weightForLength', 110.01],
    ['weightForHeight', 64.99],
    ['weightForHeight', 120.1],
  ])('Given %s at %p cm, when scored, then there is no z-score (never extrapolated)', (indicator, cm) => {
    expect(standards.zScore(indicator, 'male', cm, 10)).toBeNull();
  });

  it.each([-1, 1857, 2000, NaN])('Given age %p days, when scored, then there is no z-score', (day) => {
    expect(standards.zScore('weightForAge', 'female', day, 10)).toBeNull();
  });

  it.each([0, -3, NaN, Infinity])('Given measurement %p, when scored, then there is no z-score', (value) => {
    expect(standards.zScore('heightForAge', 'female', 100, value)).toBeNull();
  });

  it('Given a fractional age, when scored, then it is rounded half up to whole days as WHO does', () => {
    expect(standards.zScore('weightForAge', 'male', 100.5, 6)).toBe(standards.zScore('weightForAge', 'male', 101, 6));
    expect(standards.zScore('weightForAge', 'male', 100.49, 6)).toBe(standards.zScore('weightForAge', 'male', 100, 6));
  });

  it('Given an unknown sex or indicator from untyped callers, when scored, then it throws naming the field', () => {
    expect(() => standards.zScore('weightForAge', 'x' as Sex, 10, 5)).toThrow(
      expect.objectContaining({ field: 'sex', code: 'unknown_sex' }),
    );
    expect(() => standards.zScore('armForAge' as Indicator, 'male', 10, 5)).toThrow(AnthropometryInputError);
  });
});

describe('GrowthStandards.zScore: properties (seeded random samples)', () => {
  const random = seededRandom(20_260_101);
  const between = (low: number, high: number) => low + random() * (high - low);

  it('Given a fixed age, when length grows, then length/height-for-age z grows', () => {
    for (let sample = 0; sample < 2000; sample++) {
      const sex = SEXES[sample % 2];
      const day = Math.floor(between(0, 1857));
      const shorter = between(40, 125);
      const longer = shorter + between(0.01, 5);
      const [zShorter, zLonger] = [shorter, longer].map(
        (cm) => standards.zScore('heightForAge', sex, day, cm) as number,
      );
      expect(zLonger).toBeGreaterThan(zShorter);
    }
  });

  it('Given a fixed length, when weight grows, then weight-for-length/height z grows (also beyond ±3)', () => {
    for (let sample = 0; sample < 2000; sample++) {
      const sex = SEXES[sample % 2];
      const { indicator, firstCm, lastCm } = LENGTH_INDICATORS[sample % 2];
      const cm = between(firstCm, lastCm);
      const lighter = between(1, 30);
      const heavier = lighter + between(0.01, 3);
      const [zLighter, zHeavier] = [lighter, heavier].map((kg) => standards.zScore(indicator, sex, cm, kg) as number);
      expect(zHeavier).toBeGreaterThan(zLighter);
    }
  });

  it('Given a fixed age, when weight grows, then weight-for-age z grows', () => {
    for (let sample = 0; sample < 2000; sample++) {
      const sex = SEXES[sample % 2];
      const day = Math.floor(between(0, 1857));
      const lighter = between(1, 30);
      const heavier = lighter + between(0.01, 3);
      const [zLighter, zHeavier] = [lighter, heavier].map(
        (kg) => standards.zScore('weightForAge', sex, day, kg) as number,
      );
      expect(zHeavier).toBeGreaterThan(zLighter);
    }
  });
});
