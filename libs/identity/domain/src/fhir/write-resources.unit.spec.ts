import type { JudgedMeasurement } from '@registry/contracts';
import { observationResources, patientResource } from './write-resources';

const measurement: JudgedMeasurement = {
  measurementId: '0190f3a2-0000-7000-8000-0000000000aa',
  childId: '0190f3a2-0000-7000-8000-000000000001',
  measuredOn: '2025-08-14',
  weightKg: 7.6,
  heightCm: 65.5,
  position: 'lying',
  headCircumferenceCm: null,
  muacCm: 13.1,
  oedema: false,
  ageDays: 225,
  ageMonths: 7.39,
  correctedHeightCm: null,
  zScores: {
    heightForAge: -2.31,
    weightForAge: -1.2,
    weightForHeight: 0.15,
    bmiForAge: 0.3,
    headCircumferenceForAge: null,
  },
  classifications: {
    heightForAge: { code: 'stunted', label: 'pendek' },
    weightForAge: { code: 'normal', label: 'normal' },
    weightForHeight: null,
    bmiForAge: { code: 'normal', label: 'gizi baik' },
  },
  flags: {
    heightForAge: false,
    weightForAge: false,
    weightForHeight: true,
    bmiForAge: false,
    headCircumferenceForAge: false,
    positionUnder9MonthsStanding: false,
  },
  puskesmasCode: 'PKM-01',
  posyanduCode: null,
  villageCode: '36.03.20.2002',
  districtCode: '36.03.20',
  regencyCode: '36.03',
  standard: 'WHO-2006',
};

describe('FHIR resources the registry answers with', () => {
  it('gives each measured value its own Observation, with the z-scores as components and the class as interpretation', () => {
    const [weight, length, muac] = observationResources(measurement, 'recorded');
    expect([weight['id'], length['id'], muac['id']]).toEqual([
      `${measurement.measurementId}-weight`,
      `${measurement.measurementId}-length`,
      `${measurement.measurementId}-muac`,
    ]);
    expect(length).toMatchObject({
      status: 'final',
      code: { coding: [{ code: '8306-3' }] },
      valueQuantity: { value: 65.5, code: 'cm' },
      component: [
        {
          code: { coding: [{ code: 'length-height-for-age' }] },
          valueQuantity: { value: -2.31, code: '{SD}' },
          interpretation: [{ coding: [{ code: 'stunted', display: 'pendek' }] }],
        },
      ],
    });
    // A weight-for-length flagged implausible keeps its z-score but has no class.
    const components = weight['component'] as Array<Record<string, unknown>>;
    expect(components.map((c) => (c['interpretation'] ? 'classed' : 'unclassed'))).toEqual([
      'classed',
      'unclassed',
      'classed',
    ]);
    expect(muac).not.toHaveProperty('component');
  });

  it('marks a voided measurement entered-in-error', () => {
    expect(observationResources(measurement, 'voided').map((o) => o['status'])).toEqual([
      'entered-in-error',
      'entered-in-error',
      'entered-in-error',
    ]);
  });

  it('leaves name, NIK and mother out of a Patient without personal data', () => {
    const facts = {
      id: measurement.childId,
      sex: 'female' as const,
      birthDate: '2025-01-01',
      diedOn: null,
      villageCode: '36.03.20.2002',
    };
    const bare = patientResource({ ...facts, personal: null });
    expect(bare).not.toHaveProperty('name');
    expect(bare).not.toHaveProperty('contact');
    expect(bare['identifier']).toEqual([{ system: expect.stringContaining('child-id'), value: measurement.childId }]);
    const full = patientResource({
      ...facts,
      personal: { nik: '3603204101250001', name: 'Putri', motherName: 'Siti', motherNik: null },
    });
    expect(full).toMatchObject({ name: [{ text: 'Putri' }], contact: [{ name: { text: 'Siti' } }] });
  });
});
