import { deciderSpecification } from '@registry/contracts';
import type { KnownChild } from '@registry/known-child';
import { loadGrowthStandards } from '@registry/reference-data';
import {
  decideMeasurement,
  foldMeasurement,
  type Measurement,
  type MeasurementCommand,
  type MeasurementEvent,
  type MeasurementValues,
} from './measurement';

const standards = loadGrowthStandards();
const context = { standards, today: '2026-11-22' };
const child: KnownChild = {
  childId: '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e5f',
  sex: 'male',
  birthDate: '2024-01-15',
  villageCode: '36.03.20.2002',
  districtCode: '36.03.20',
  regencyCode: '36.03',
  status: 'active',
  diedOn: null,
  mergedInto: null,
};
const values: MeasurementValues = {
  measuredOn: '2025-07-15',
  weightKg: 8.1,
  heightCm: 72.0,
  position: 'lying',
  headCircumferenceCm: null,
  muacCm: 13.5,
  oedema: false,
  puskesmasCode: 'P3603200101',
  posyanduCode: 'Mawar 3',
};
const measurementId = '0193f1c2-7a5b-7c3d-8e9f-000000000001';

/** Given past events, when a command is decided: the new events, or the rule it breaks. */
const given = deciderSpecification({
  decide: (command: MeasurementCommand, state: Measurement) => decideMeasurement(command, state, context),
  fold: foldMeasurement,
});

const record = (overrides: Partial<MeasurementValues> = {}, who: KnownChild = child): MeasurementCommand => ({
  type: 'RecordMeasurement',
  data: { measurementId, child: who, values: { ...values, ...overrides }, sourceRecordId: 'sid-1' },
});

describe('measurement decider', () => {
  it('records a measurement judged by the WHO standards, with the place of the child', () => {
    const [event] = given().when(record()).events();
    const expected = standards.assess(
      {
        sex: 'male',
        birthDate: child.birthDate,
        measuredOn: values.measuredOn,
        weightKg: 8.1,
        heightCm: 72,
        position: 'lying',
        oedema: false,
      },
      { today: context.today },
    );
    expect(event.type).toBe('measurement.recorded');
    expect(event.data).toMatchObject({
      measurementId,
      childId: child.childId,
      ageDays: expected.ageDays,
      zScores: expected.zScores,
      classifications: expected.classifications,
      regencyCode: '36.03',
      sourceRecordId: 'sid-1',
      standard: 'WHO-2006',
    });
  });

  it('marks a weight below the red line of the KMS (weight-for-age z < −3) as BGM', () => {
    const [low] = given()
      .when(record({ weightKg: 6.0 }))
      .events();
    const [usual] = given().when(record()).events();
    expect(low.data).toMatchObject({ bgm: true, zScores: { weightForAge: expect.any(Number) } });
    expect((low.data as { zScores: { weightForAge: number } }).zScores.weightForAge).toBeLessThan(-3);
    expect(usual.data).toMatchObject({ bgm: false });
    expect((usual.data as { zScores: { weightForAge: number } }).zScores.weightForAge).toBeGreaterThanOrEqual(-3);
  });

  it('records and corrects the values at their scale: float noise dropped, extra decimals rounded', () => {
    const [recorded] = given()
      .when(record({ weightKg: 5.0 + 0.3 * 9, heightCm: 72.15 - 0.1, muacCm: 13.456 }))
      .events();
    expect(recorded.data).toMatchObject({ weightKg: 7.7, heightCm: 72.1, muacCm: 13.5 });
    const [corrected] = given(recorded)
      .when({ type: 'CorrectMeasurement', data: { child, values: { weightKg: 7.1 + 0.6 }, reason: 'scale tared' } })
      .events();
    expect(corrected.data).toMatchObject({ weightKg: 7.7, heightCm: 72.1, muacCm: 13.5 });
    given()
      .when(record({ muacCm: 30.04 }))
      .events();
    given()
      .when(record({ muacCm: 30.05 }))
      .thenRejects('invalid', 'muacCm');
  });

  it('refuses impossible values naming the field', () => {
    given()
      .when(record({ measuredOn: '2023-12-31' }))
      .thenRejects('invalid', 'measuredOn');
    given()
      .when(record({ measuredOn: '2026-11-23' }))
      .thenRejects('invalid', 'measuredOn');
    given()
      .when(record({ weightKg: 81 }))
      .thenRejects('invalid', 'weightKg');
    given()
      .when(record({ heightCm: 20 }))
      .thenRejects('invalid', 'heightCm');
    given()
      .when(record({ muacCm: 135 }))
      .thenRejects('invalid', 'muacCm');
    given()
      .when(record({ measuredOn: '2026-11-22' }, { ...child, birthDate: '2021-01-01' }))
      .thenRejects('invalid', 'measuredOn');
  });

  it('refuses a measurement dated after the child died', () => {
    given()
      .when(record({}, { ...child, status: 'died', diedOn: '2025-07-01' }))
      .thenRejects('invalid', 'measuredOn');
  });

  it('corrects a measurement by recomputing its z-scores, and voids it', () => {
    const [recorded] = given().when(record()).events();
    const [corrected] = given(recorded)
      .when({ type: 'CorrectMeasurement', data: { child, values: { heightCm: 76.0 }, reason: 'misread board' } })
      .events();
    expect(corrected.type).toBe('measurement.corrected');
    const before = (recorded.data as { zScores: { heightForAge: number } }).zScores.heightForAge;
    const after = (corrected.data as { zScores: { heightForAge: number } }).zScores.heightForAge;
    expect(after).toBeGreaterThan(before);
    expect(
      given(recorded, corrected)
        .when({ type: 'VoidMeasurement', data: { reason: 'wrong child' } })
        .events(),
    ).toEqual([
      {
        type: 'measurement.voided',
        data: { measurementId, childId: child.childId, regencyCode: '36.03', reason: 'wrong child' },
      },
    ]);
  });

  it('keeps a corrected measurement where it was taken when the child has moved since', () => {
    const [recorded] = given().when(record()).events();
    const moved: KnownChild = {
      ...child,
      villageCode: '36.71.01.1001',
      districtCode: '36.71.01',
      regencyCode: '36.71',
    };
    const [corrected] = given(recorded)
      .when({ type: 'CorrectMeasurement', data: { child: moved, values: { weightKg: 8.4 }, reason: 'scale tared' } })
      .events();
    expect(corrected.data).toMatchObject({
      villageCode: child.villageCode,
      districtCode: child.districtCode,
      regencyCode: child.regencyCode,
      weightKg: 8.4,
    });
  });

  it('refuses to correct or void a voided measurement, and to record one twice', () => {
    const [recorded] = given().when(record()).events();
    const voided: MeasurementEvent = {
      type: 'measurement.voided',
      data: { measurementId, childId: child.childId, regencyCode: '36.03', reason: 'x' },
    };
    given(recorded, voided)
      .when({ type: 'VoidMeasurement', data: { reason: 'again' } })
      .thenRejects('conflict', 'measurementId');
    given(recorded, voided)
      .when({ type: 'CorrectMeasurement', data: { child, values: {}, reason: 'x' } })
      .thenRejects('conflict', 'measurementId');
    given(recorded).when(record()).thenRejects('conflict', 'measurementId');
  });
});
