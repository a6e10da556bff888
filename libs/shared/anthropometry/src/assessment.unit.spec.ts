import { sharedGrowthStandards, sharedGrowthTables } from '../test-support/shared-tables';
import { AnthropometryInputError } from './errors';
import type { MeasurementInput } from './measurement-input';
import { lmsMeasurementAt, roundZScore } from './z-score';

const standards = sharedGrowthStandards();
const tables = sharedGrowthTables();
const TODAY = { today: '2026-06-30' };

/** 2022-01-01 plus 730 days is 2024-01-01 (2022 and 2023 have 365 days each). */
const BORN = '2022-01-01';
const DAY_730 = '2024-01-01';
const DAY_731 = '2024-01-02';

const assess = (input: Partial<MeasurementInput>) =>
  standards.assess({ sex: 'female', birthDate: BORN, measuredOn: DAY_730, ...input }, TODAY);

/** The measurement at an unrounded z for a day table, to test what rounding does at a cut-off. */
function heightAtZ(day: number, z: number): number {
  const t = tables.heightForAge.female;
  return lmsMeasurementAt(z, t.l[day], t.m[day], t.s[day]);
}

describe('GrowthStandards.assess: age', () => {
  it('Given dates 730 days apart, when assessed, then age is 730 days and 23.98 months', () => {
    const result = assess({ heightCm: 85 });
    expect(result.ageDays).toBe(730);
    expect(result.ageMonths).toBe(Math.round((730 / 30.4375) * 100) / 100);
    expect(result.ageMonths).toBe(23.98);
  });

  it('Given a birth on 29 February, when measured a year later, then age counts calendar days across it', () => {
    expect(assess({ birthDate: '2020-02-29', measuredOn: '2021-02-28', heightCm: 75 }).ageDays).toBe(365);
    expect(assess({ birthDate: '2023-12-31', measuredOn: '2024-03-01', heightCm: 60 }).ageDays).toBe(61);
  });

  it('Given a measurement on the day of birth, when assessed, then age is 0 days', () => {
    expect(assess({ birthDate: DAY_730, measuredOn: DAY_730, weightKg: 3.2 }).ageDays).toBe(0);
  });

  it('Given day 1856, the last of the WHO expanded tables, when assessed, then z-scores are computed', () => {
    const result = assess({ birthDate: '2020-01-01', measuredOn: '2025-01-30', heightCm: 110, weightKg: 18 });
    expect(result.ageDays).toBe(1856);
    expect(result.zScores.heightForAge).not.toBeNull();
    expect(result.zScores.weightForAge).not.toBeNull();
  });
});

describe('GrowthStandards.assess: the 0.7 cm length/height correction', () => {
  it('Given 730 days measured standing, when assessed, then 0.7 cm is added and it is a length', () => {
    const result = assess({ heightCm: 80.3, position: 'standing', weightKg: 10 });
    expect(result.correctedHeightCm).toBe(81);
    expect(result.heightMeasure).toBe('length');
    expect(result.zScores.heightForAge).toBe(round(standards.zScore('heightForAge', 'female', 730, 81)));
    expect(result.zScores.weightForHeight).toBe(round(standards.zScore('weightForLength', 'female', 81, 10)));
  });

  it('Given 730 days measured lying, when assessed, then the length is used as is', () => {
    expect(assess({ heightCm: 80.3, position: 'lying' }).correctedHeightCm).toBe(80.3);
  });

  it('Given 731 days measured lying, when assessed, then 0.7 cm is subtracted and it is a height', () => {
    const result = assess({ measuredOn: DAY_731, heightCm: 80.3, position: 'lying', weightKg: 10 });
    expect(result.ageDays).toBe(731);
    expect(result.correctedHeightCm).toBe(79.6);
    expect(result.heightMeasure).toBe('height');
    expect(result.zScores.heightForAge).toBe(round(standards.zScore('heightForAge', 'female', 731, 79.6)));
    expect(result.zScores.weightForHeight).toBe(round(standards.zScore('weightForHeight', 'female', 79.6, 10)));
  });

  it('Given 731 days measured standing, when assessed, then the height is used as is', () => {
    expect(assess({ measuredOn: DAY_731, heightCm: 80.3, position: 'standing' }).correctedHeightCm).toBe(80.3);
  });

  it.each([DAY_730, DAY_731])('Given no position on %s, when assessed, then no correction is applied', (measuredOn) => {
    expect(assess({ measuredOn, heightCm: 80.3 }).correctedHeightCm).toBe(80.3);
  });

  it('Given a standing 109.3 cm at 700 days, when corrected to 110.0, then it is still inside the wfl table', () => {
    const result = assess({ measuredOn: '2023-12-02', heightCm: 109.3, position: 'standing', weightKg: 18 });
    expect(result.correctedHeightCm).toBe(110);
    expect(result.zScores.weightForHeight).not.toBeNull();
  });

  it('Given a length outside the wfl table, when assessed, then weight-for-length is null but the rest remain', () => {
    const result = assess({ heightCm: 111, position: 'lying', weightKg: 12 });
    expect(result.zScores.weightForHeight).toBeNull();
    expect(result.classifications.weightForHeight).toBeNull();
    expect(result.zScores.heightForAge).not.toBeNull();
    expect(result.zScores.bmiForAge).not.toBeNull();
  });
});

describe('GrowthStandards.assess: children under 9 months recorded standing (WHO Anthro 1.1.0)', () => {
  // 273 days = 8.97 months, 274 days = 9.002 months.
  const born = '2025-01-01';

  it('Given 273 days measured standing, when assessed, then no correction is applied and the position is flagged', () => {
    const result = assess({ birthDate: born, measuredOn: '2025-10-01', heightCm: 68, position: 'standing' });
    expect(result.ageDays).toBe(273);
    expect(result.correctedHeightCm).toBe(68);
    expect(result.flags.positionUnder9MonthsStanding).toBe(true);
    expect(result.zScores.heightForAge).toBe(round(standards.zScore('heightForAge', 'female', 273, 68)));
  });

  it('Given 274 days measured standing, when assessed, then 0.7 cm is added and nothing is flagged', () => {
    const result = assess({ birthDate: born, measuredOn: '2025-10-02', heightCm: 68, position: 'standing' });
    expect(result.ageDays).toBe(274);
    expect(result.correctedHeightCm).toBe(68.7);
    expect(result.flags.positionUnder9MonthsStanding).toBe(false);
  });

  it('Given 273 days measured lying, when assessed, then the position is not flagged', () => {
    const result = assess({ birthDate: born, measuredOn: '2025-10-01', heightCm: 68, position: 'lying' });
    expect(result.flags.positionUnder9MonthsStanding).toBe(false);
  });
});

describe('GrowthStandards.assess: BMI-for-age', () => {
  it('Given weight and a standing height under 731 days, when assessed, then BMI uses the corrected length', () => {
    const result = assess({ heightCm: 80.3, position: 'standing', weightKg: 11 });
    const bmi = 11 / (0.81 * 0.81);
    expect(result.zScores.bmiForAge).toBe(round(standards.zScore('bmiForAge', 'female', 730, bmi)));
  });

  it('Given weight without height, when assessed, then only weight-for-age is computed', () => {
    const result = assess({ weightKg: 11 });
    expect(result.zScores).toEqual(
      expect.objectContaining({ weightForHeight: null, bmiForAge: null, heightForAge: null }),
    );
    expect(result.zScores.weightForAge).not.toBeNull();
    expect(result.correctedHeightCm).toBeNull();
    expect(result.heightMeasure).toBeNull();
  });

  it('Given head circumference, when assessed, then its z-score is computed', () => {
    const result = assess({ weightKg: 11, headCircumferenceCm: 47 });
    expect(result.zScores.headCircumferenceForAge).toBe(
      round(standards.zScore('headCircumferenceForAge', 'female', 730, 47)),
    );
  });
});

describe('GrowthStandards.assess: classification and flags use the rounded z-score', () => {
  it('Given an unrounded HAZ of −2.004, when assessed, then it reports −2 and is normal', () => {
    const result = assess({ heightCm: heightAtZ(730, -2.004), position: 'lying' });
    expect(result.zScores.heightForAge).toBe(-2);
    expect(result.classifications.heightForAge).toEqual({ code: 'normal', label: 'normal' });
  });

  it('Given an unrounded HAZ of −2.006, when assessed, then it reports −2.01 and is stunted (pendek)', () => {
    const result = assess({ heightCm: heightAtZ(730, -2.006), position: 'lying' });
    expect(result.zScores.heightForAge).toBe(-2.01);
    expect(result.classifications.heightForAge).toEqual({ code: 'stunted', label: 'pendek' });
  });

  it('Given an unrounded HAZ of −3.006, when assessed, then it is severely stunted (sangat pendek)', () => {
    const result = assess({ heightCm: heightAtZ(730, -3.006), position: 'lying' });
    expect(result.classifications.heightForAge).toEqual({ code: 'severely_stunted', label: 'sangat pendek' });
  });

  it('Given an unrounded HAZ of −6.004 / −6.006, when assessed, then only the second is flagged', () => {
    expect(assess({ heightCm: heightAtZ(730, -6.004), position: 'lying' }).flags.heightForAge).toBe(false);
    const flagged = assess({ heightCm: heightAtZ(730, -6.006), position: 'lying' });
    expect(flagged.zScores.heightForAge).toBe(-6.01);
    expect(flagged.flags.heightForAge).toBe(true);
    expect(flagged.classifications.heightForAge?.code).toBe('severely_stunted');
  });

  it('Given a typical child, when assessed, then every indicator is classified and nothing is flagged', () => {
    const result = assess({ heightCm: 85, position: 'lying', weightKg: 11.5, headCircumferenceCm: 47 });
    expect(result.classifications).toEqual({
      heightForAge: { code: 'normal', label: 'normal' },
      weightForAge: { code: 'normal', label: 'normal' },
      weightForHeight: { code: 'normal', label: 'gizi baik' },
      bmiForAge: { code: 'normal', label: 'gizi baik' },
    });
    expect(Object.values(result.flags).every((flag) => flag === false)).toBe(true);
    expect(result.standard).toBe('WHO-2006');
  });
});

describe('GrowthStandards.assess: oedema', () => {
  it('Given bilateral oedema, when assessed, then weight-based z-scores are null and the child is gizi buruk', () => {
    const result = assess({ heightCm: 85, position: 'lying', weightKg: 11.5, oedema: true });
    expect(result.oedema).toBe(true);
    expect(result.zScores).toEqual(
      expect.objectContaining({ weightForAge: null, weightForHeight: null, bmiForAge: null }),
    );
    expect(result.zScores.heightForAge).not.toBeNull();
    expect(result.classifications.weightForHeight).toEqual({ code: 'severely_wasted', label: 'gizi buruk' });
    expect(result.classifications.bmiForAge).toEqual({ code: 'severely_wasted', label: 'gizi buruk' });
    expect(result.classifications.weightForAge).toEqual({
      code: 'severely_underweight',
      label: 'berat badan sangat kurang',
    });
    expect(result.flags).toEqual(
      expect.objectContaining({ weightForAge: false, weightForHeight: false, bmiForAge: false }),
    );
  });
});

describe('GrowthStandards.assess: impossible input', () => {
  const valid: MeasurementInput = { sex: 'male', birthDate: BORN, measuredOn: DAY_730, weightKg: 11, heightCm: 85 };

  it.each<[string, Partial<Record<keyof MeasurementInput, unknown>>, string, string]>([
    ['unknown sex', { sex: 'L' }, 'sex', 'unknown_sex'],
    ['malformed birth date', { birthDate: '2022-1-5' }, 'birthDate', 'malformed_date'],
    ['impossible birth date', { birthDate: '2023-02-29' }, 'birthDate', 'malformed_date'],
    ['missing measurement date', { measuredOn: undefined }, 'measuredOn', 'malformed_date'],
    ['day-month-year date', { measuredOn: '01-01-2024' }, 'measuredOn', 'malformed_date'],
    ['measurement before birth', { measuredOn: '2021-12-31' }, 'measuredOn', 'measured_before_birth'],
    ['measurement in the future', { measuredOn: '2026-07-01' }, 'measuredOn', 'measured_in_future'],
    ['measurement after death', { diedOn: '2023-06-30' }, 'measuredOn', 'measured_after_death'],
    ['age beyond 1856 days', { birthDate: '2020-01-01', measuredOn: '2025-01-31' }, 'measuredOn', 'age_out_of_range'],
    ['neither weight nor height', { weightKg: undefined, heightCm: null }, 'weightKg', 'missing_measurement'],
    ['zero weight', { weightKg: 0 }, 'weightKg', 'out_of_range'],
    ['weight in grams', { weightKg: 11000 }, 'weightKg', 'out_of_range'],
    ['weight as text', { weightKg: '11' }, 'weightKg', 'not_a_number'],
    ['negative height', { heightCm: -85 }, 'heightCm', 'out_of_range'],
    ['height below 38 cm', { heightCm: 37.9 }, 'heightCm', 'out_of_range'],
    ['MUAC in millimetres', { muacCm: 135 }, 'muacCm', 'out_of_range'],
    ['height above 130 cm', { heightCm: 130.1 }, 'heightCm', 'out_of_range'],
    ['height NaN', { heightCm: NaN }, 'heightCm', 'not_a_number'],
    ['head circumference in mm', { headCircumferenceCm: 470 }, 'headCircumferenceCm', 'out_of_range'],
    ['unknown position', { position: 'sitting' }, 'position', 'unknown_position'],
    ['oedema as text', { oedema: 'yes' }, 'oedema', 'not_a_boolean'],
  ])('Given %s, when assessed, then AnthropometryInputError names %s (%s)', (_case, change, field, code) => {
    const input = { ...valid, ...change } as MeasurementInput;
    expect(() => standards.assess(input, TODAY)).toThrow(AnthropometryInputError);
    expect(() => standards.assess(input, TODAY)).toThrow(expect.objectContaining({ field, code }));
  });

  it('Given a measurement on the injected today, when assessed, then it is accepted', () => {
    expect(standards.assess({ ...valid, birthDate: '2025-01-01', measuredOn: TODAY.today }, TODAY).ageDays).toBe(545);
  });

  it('Given the plausible-range limits themselves, when assessed, then they are accepted', () => {
    expect(() => standards.assess({ ...valid, weightKg: 0.5, heightCm: 38 }, TODAY)).not.toThrow();
    expect(() => standards.assess({ ...valid, weightKg: 60, heightCm: 130 }, TODAY)).not.toThrow();
  });

  it('Given another injected today, when the same measurement is assessed, then only the future check moves', () => {
    expect(standards.assess(valid, { today: '2099-12-31' }).ageDays).toBe(730);
  });

  it('Given a malformed injected today, when assessed, then the error names today', () => {
    expect(() => standards.assess(valid, { today: '30/06/2026' })).toThrow(expect.objectContaining({ field: 'today' }));
  });
});

/** The reported value of a low-level z-score; a missing one fails the test instead of comparing null to null. */
function round(z: number | null): number {
  if (z === null) throw new Error('expected a z-score');
  return roundZScore(z);
}
