import { assertEventContract } from './event-registry';

const recordedBeforeWeightGain = {
  measurementId: '0193f1c2-7a5b-7c3d-8e9f-000000000001',
  childId: '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e5f',
  measuredOn: '2025-07-15',
  weightKg: 8.1,
  heightCm: 72,
  position: 'lying',
  headCircumferenceCm: null,
  muacCm: 13.5,
  oedema: false,
  ageDays: 547,
  ageMonths: 17.97,
  correctedHeightCm: 72,
  zScores: {
    heightForAge: -2.9,
    weightForAge: -2.5,
    weightForHeight: -1.2,
    bmiForAge: -1.1,
    headCircumferenceForAge: null,
  },
  classifications: { heightForAge: null, weightForAge: null, weightForHeight: null, bmiForAge: null },
  flags: {
    heightForAge: false,
    weightForAge: false,
    weightForHeight: false,
    bmiForAge: false,
    headCircumferenceForAge: false,
    positionUnder9MonthsStanding: false,
  },
  puskesmasCode: 'P3603200101',
  posyanduCode: null,
  villageCode: '36.03.20.2002',
  districtCode: '36.03.20',
  regencyCode: '36.03',
  standard: 'WHO-2006',
  sourceRecordId: null,
};
const weightGain = { judgement: 'T', gainGrams: 100, kbmGrams: 200, consecutiveT: 2 };

describe('measurement event contracts: the weight-gain judgement', () => {
  it('still reads a recording made before the judgement existed', () => {
    expect(() => assertEventContract('measurement.recorded', recordedBeforeWeightGain)).not.toThrow();
  });

  it('accepts a recording with its judgement and BGM, and one without a weight (no judgement)', () => {
    expect(() =>
      assertEventContract('measurement.recorded', { ...recordedBeforeWeightGain, weightGain, bgm: false }),
    ).not.toThrow();
    expect(() =>
      assertEventContract('measurement.corrected', {
        ...recordedBeforeWeightGain,
        weightKg: null,
        weightGain: null,
        bgm: false,
        reason: 'weight belonged to another child',
      }),
    ).not.toThrow();
  });

  it('names a judgement outside N, T, O, B and a gain that is not whole grams', () => {
    expect(() =>
      assertEventContract('measurement.recorded', {
        ...recordedBeforeWeightGain,
        weightGain: { ...weightGain, judgement: '2T', gainGrams: 100.5 },
      }),
    ).toThrow('weightGain.judgement: expected one of N, T, O, B, got "2T"; weightGain.gainGrams: expected an integer');
  });

  it('checks a rejudgement', () => {
    const { measurementId, childId, regencyCode } = recordedBeforeWeightGain;
    expect(() =>
      assertEventContract('measurement.weight-gain-rejudged', { measurementId, childId, regencyCode, weightGain }),
    ).not.toThrow();
    expect(() =>
      assertEventContract('measurement.weight-gain-rejudged', { measurementId, childId, regencyCode }),
    ).toThrow('weightGain: expected an object, got undefined');
  });
});
