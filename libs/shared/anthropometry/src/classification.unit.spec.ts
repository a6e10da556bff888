import {
  classifyHeightForAge,
  classifyNutrition,
  classifyWeightForAge,
  type FlaggedIndicator,
  isImplausible,
} from './classification';

// Every cut-off of Permenkes 2/2020 on its boundary and one reported step (0.01) beside it.
describe('classifyHeightForAge (TB/U, PB/U)', () => {
  it.each([
    [-3.01, 'severely_stunted', 'sangat pendek'],
    [-3.0, 'stunted', 'pendek'],
    [-2.01, 'stunted', 'pendek'],
    [-2.0, 'normal', 'normal'],
    [0, 'normal', 'normal'],
    [3.0, 'normal', 'normal'],
    [3.01, 'tall', 'tinggi'],
  ])('Given HAZ %p, when classified, then it is %s (%s)', (z, code, label) => {
    expect(classifyHeightForAge(z)).toEqual({ code, label });
  });
});

describe('classifyWeightForAge (BB/U)', () => {
  it.each([
    [-3.01, 'severely_underweight', 'berat badan sangat kurang'],
    [-3.0, 'underweight', 'berat badan kurang'],
    [-2.01, 'underweight', 'berat badan kurang'],
    [-2.0, 'normal', 'normal'],
    [1.0, 'normal', 'normal'],
    [1.01, 'risk_of_overweight', 'risiko berat badan lebih'],
    [3.5, 'risk_of_overweight', 'risiko berat badan lebih'],
  ])('Given WAZ %p, when classified, then it is %s (%s)', (z, code, label) => {
    expect(classifyWeightForAge(z)).toEqual({ code, label });
  });
});

describe('classifyNutrition (BB/PB, BB/TB, IMT/U)', () => {
  it.each([
    [-3.01, 'severely_wasted', 'gizi buruk'],
    [-3.0, 'wasted', 'gizi kurang'],
    [-2.01, 'wasted', 'gizi kurang'],
    [-2.0, 'normal', 'gizi baik'],
    [1.0, 'normal', 'gizi baik'],
    [1.01, 'possible_risk_of_overweight', 'berisiko gizi lebih'],
    [2.0, 'possible_risk_of_overweight', 'berisiko gizi lebih'],
    [2.01, 'overweight', 'gizi lebih'],
    [3.0, 'overweight', 'gizi lebih'],
    [3.01, 'obese', 'obesitas'],
  ])('Given z %p, when classified, then it is %s (%s)', (z, code, label) => {
    expect(classifyNutrition(z)).toEqual({ code, label });
  });
});

describe('isImplausible', () => {
  const limits: [FlaggedIndicator, number, number][] = [
    ['heightForAge', -6, 6],
    ['weightForAge', -6, 5],
    ['weightForHeight', -5, 5],
    ['bmiForAge', -5, 5],
    ['headCircumferenceForAge', -5, 5],
  ];

  it.each(limits)('Given %s on its limits [%p, %p], when checked, then it is not flagged', (indicator, low, high) => {
    expect(isImplausible(indicator, low)).toBe(false);
    expect(isImplausible(indicator, high)).toBe(false);
  });

  it.each(limits)('Given %s one step beyond [%p, %p], when checked, then it is flagged', (indicator, low, high) => {
    expect(isImplausible(indicator, low - 0.01)).toBe(true);
    expect(isImplausible(indicator, high + 0.01)).toBe(true);
  });

  it('Given no z-score, when checked, then it is not flagged', () => {
    expect(isImplausible('heightForAge', null)).toBe(false);
  });
});
