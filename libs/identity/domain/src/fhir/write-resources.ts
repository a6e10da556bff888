import type { JudgedMeasurement } from '@registry/contracts';
import type { Sex } from '../child';
import {
  ADMINISTRATIVE_CODE_EXTENSION,
  IDENTIFIER_SYSTEMS,
  INDICATORS,
  LOINC,
  LOINC_OF_PART,
  ANTHROPOMETRY_CODES,
  OBSERVATION_CATEGORY,
  REGISTRY_SYSTEMS,
  UCUM,
  V3_ROLE_CODE,
  type Indicator,
  type MeasuredPart,
} from './vocabulary';

type Resource = Record<string, unknown>;

/** The child as the registry knows it; personal data only for roles that may see it. */
export interface ChildFacts {
  readonly id: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly diedOn: string | null;
  readonly villageCode: string;
  readonly personal: {
    readonly nik: string | null;
    readonly name: string;
    readonly motherName: string;
    readonly motherNik: string | null;
  } | null;
}

/** `Patient/{id}`: identifiers, name and mother only when `personal` is given (roles with personal data). */
export function patientResource(child: ChildFacts): Resource {
  const { personal } = child;
  const village = child.villageCode.split('.');
  return {
    resourceType: 'Patient',
    id: child.id,
    identifier: [
      { system: REGISTRY_SYSTEMS.childId, value: child.id },
      ...(personal?.nik ? [{ system: IDENTIFIER_SYSTEMS.nik, value: personal.nik }] : []),
      ...(personal?.motherNik ? [{ system: IDENTIFIER_SYSTEMS.motherNik, value: personal.motherNik }] : []),
    ],
    ...(personal ? { name: [{ use: 'official', text: personal.name }] } : {}),
    gender: child.sex,
    birthDate: child.birthDate,
    ...(child.diedOn ? { deceasedDateTime: child.diedOn } : { deceasedBoolean: false }),
    address: [
      {
        extension: [
          {
            url: ADMINISTRATIVE_CODE_EXTENSION,
            extension: [
              { url: 'province', valueCode: village[0] },
              { url: 'city', valueCode: village.slice(0, 2).join('') },
              { url: 'district', valueCode: village.slice(0, 3).join('') },
              { url: 'village', valueCode: village.join('') },
            ],
          },
        ],
        country: 'ID',
      },
    ],
    ...(personal
      ? {
          contact: [
            {
              relationship: [{ coding: [{ system: V3_ROLE_CODE, code: 'MTH', display: 'mother' }] }],
              name: { text: personal.motherName },
            },
          ],
        }
      : {}),
  };
}

/** The parts a measurement has, each one Observation: `{measurementId}-{part}`. */
export function measuredParts(m: JudgedMeasurement): MeasuredPart[] {
  return [
    ...(m.weightKg !== null ? (['weight'] as const) : []),
    ...(m.heightCm !== null ? [m.position === 'lying' ? ('length' as const) : ('height' as const)] : []),
    ...(m.headCircumferenceCm !== null ? (['headCircumference'] as const) : []),
    ...(m.muacCm !== null ? (['muac'] as const) : []),
  ];
}

/** The z-scores each part is judged by: weight by BB/U and BB/PB(TB), length by PB/U (TB/U), and so on. */
const INDICATORS_OF_PART: Record<MeasuredPart, ReadonlyArray<[Indicator, keyof JudgedMeasurement['zScores']]>> = {
  weight: [
    ['weight-for-age', 'weightForAge'],
    ['weight-for-length-height', 'weightForHeight'],
    ['bmi-for-age', 'bmiForAge'],
  ],
  length: [['length-height-for-age', 'heightForAge']],
  height: [['length-height-for-age', 'heightForAge']],
  headCircumference: [['head-circumference-for-age', 'headCircumferenceForAge']],
  muac: [],
};

/** The z-scores Permenkes classifies, and the code system of each one's classes (one per index, as Permenkes has). */
const CLASSIFIED: Partial<
  Record<keyof JudgedMeasurement['zScores'], [keyof JudgedMeasurement['classifications'], string]>
> = {
  weightForAge: ['weightForAge', REGISTRY_SYSTEMS.weightForAgeStatus],
  weightForHeight: ['weightForHeight', REGISTRY_SYSTEMS.nutritionalStatus],
  bmiForAge: ['bmiForAge', REGISTRY_SYSTEMS.nutritionalStatus],
  heightForAge: ['heightForAge', REGISTRY_SYSTEMS.heightForAgeStatus],
};

const VALUE_OF_PART: Record<MeasuredPart, (m: JudgedMeasurement) => [number, string]> = {
  weight: (m) => [m.weightKg!, 'kg'],
  length: (m) => [m.heightCm!, 'cm'],
  height: (m) => [m.heightCm!, 'cm'],
  headCircumference: (m) => [m.headCircumferenceCm!, 'cm'],
  muac: (m) => [m.muacCm!, 'cm'],
};

/**
 * One measurement → its Observations, vital-signs as SATUSEHAT sends them, with the registry's judgement added:
 * each z-score a `component` (code from the registry's indicator system, value in UCUM `{SD}`), its Permenkes class
 * the component's `interpretation`; values flagged implausible by WHO carry no class.
 */
export function observationResources(m: JudgedMeasurement, status: 'recorded' | 'voided'): Resource[] {
  return measuredParts(m).map((part) => {
    const [value, unit] = VALUE_OF_PART[part](m);
    const code = LOINC_OF_PART[part];
    const components = INDICATORS_OF_PART[part].flatMap(([indicator, field]) => {
      const z = m.zScores[field];
      if (z === null) return [];
      const [classified, system] = CLASSIFIED[field] ?? [null, ''];
      const classification = classified ? m.classifications[classified] : null;
      return [
        {
          code: { coding: [{ system: REGISTRY_SYSTEMS.indicator, code: indicator, display: INDICATORS[indicator] }] },
          valueQuantity: { value: z, unit: 'SD', system: UCUM, code: '{SD}' },
          ...(classification
            ? {
                interpretation: [
                  {
                    coding: [
                      {
                        system,
                        code: classification.code,
                        display: classification.label,
                      },
                    ],
                  },
                ],
              }
            : {}),
        },
      ];
    });
    return {
      resourceType: 'Observation',
      id: `${m.measurementId}-${part}`,
      identifier: [{ system: REGISTRY_SYSTEMS.measurementId, value: `${m.measurementId}-${part}` }],
      // A voided measurement stays readable, marked as FHIR marks a record entered by mistake.
      status: status === 'voided' ? 'entered-in-error' : 'final',
      category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'vital-signs', display: 'Vital Signs' }] }],
      code: { coding: [{ system: LOINC, code, display: ANTHROPOMETRY_CODES[code].display }], text: part },
      subject: { reference: `Patient/${m.childId}` },
      effectiveDateTime: m.measuredOn,
      performer: [{ identifier: { system: REGISTRY_SYSTEMS.facility, value: m.puskesmasCode } }],
      valueQuantity: { value, unit, system: UCUM, code: unit },
      ...(components.length > 0 ? { component: components } : {}),
    };
  });
}

/** A `searchset` Bundle of resources, as a read answers. */
export const searchsetBundle = (resources: readonly Resource[], base: string): Resource => ({
  resourceType: 'Bundle',
  type: 'searchset',
  total: resources.length,
  entry: resources.map((resource) => ({
    fullUrl: `${base}/${String(resource['resourceType'])}/${String(resource['id'])}`,
    resource,
    search: { mode: 'match' },
  })),
});

/** FHIR's search prefixes on a date, applied to the day of measuring (YYYY-MM-DD compares as text). */
const DATE_TESTS: Record<string, (day: string, bound: string) => boolean> = {
  eq: (day, bound) => day === bound,
  ne: (day, bound) => day !== bound,
  ge: (day, bound) => day >= bound,
  le: (day, bound) => day <= bound,
  gt: (day, bound) => day > bound,
  lt: (day, bound) => day < bound,
};

export type ObservationSearch = { readonly codes: readonly string[]; readonly dates: readonly string[] };

/**
 * What `code` (`[system|]code`, any of a comma list) and `date` (`[prefix]YYYY-MM-DD`, every one must hold) say of
 * the Observations; an unreadable value is returned as a problem naming the parameter.
 */
export function searchObservations(
  resources: readonly Resource[],
  search: ObservationSearch,
): { readonly matches: Resource[] } | { readonly problem: string } {
  const tests: Array<(resource: Resource) => boolean> = [];
  const codes = search.codes.flatMap((list) => list.split(',')).filter((c) => c !== '');
  if (codes.length > 0)
    tests.push((resource) => {
      const coding = (resource['code'] as { coding: Array<{ system: string; code: string }> }).coding[0];
      return codes.some((token) =>
        token.includes('|') ? token === `${coding.system}|${coding.code}` : token === coding.code,
      );
    });
  for (const date of search.dates) {
    const match = /^(eq|ne|ge|le|gt|lt)?(\d{4}-\d{2}-\d{2})$/.exec(date);
    if (!match) return { problem: `"${date}" is not [eq|ne|ge|le|gt|lt]YYYY-MM-DD, e.g. date=ge2025-01-01` };
    const [, prefix = 'eq', bound] = match;
    tests.push((resource) => DATE_TESTS[prefix](String(resource['effectiveDateTime']).slice(0, 10), bound));
  }
  return { matches: resources.filter((resource) => tests.every((test) => test(resource))) };
}
