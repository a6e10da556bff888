/**
 * The FHIR R4 vocabulary the registry speaks: SATUSEHAT's identifier systems and extension, the LOINC codes of
 * anthropometry, UCUM units, and the registry's own code systems (../shared/domain/INTEROP.md).
 */
export const FHIR_JSON = 'application/fhir+json';

export const IDENTIFIER_SYSTEMS = {
  nik: 'https://fhir.kemkes.go.id/id/nik',
  motherNik: 'https://fhir.kemkes.go.id/id/nik-ibu',
  ihsNumber: 'https://fhir.kemkes.go.id/id/ihs-number',
} as const;

export const ADMINISTRATIVE_CODE_EXTENSION = 'https://fhir.kemkes.go.id/r4/StructureDefinition/administrativeCode';

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const V3_ROLE_CODE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';

/**
 * The registry's canonical base for what it defines itself: the anthropometric indicators a z-score is given for,
 * the Permenkes 2/2020 classes, and the registry's child id as an identifier. `.example` is reserved, so the base
 * can never clash with a real system's; a national deployment may publish these under its own domain.
 */
export const REGISTRY_FHIR_BASE = 'https://stunting-registry.example/fhir';
export const REGISTRY_SYSTEMS = {
  childId: `${REGISTRY_FHIR_BASE}/sid/child-id`,
  measurementId: `${REGISTRY_FHIR_BASE}/sid/measurement-id`,
  indicator: `${REGISTRY_FHIR_BASE}/CodeSystem/anthropometric-indicator`,
  heightForAgeStatus: `${REGISTRY_FHIR_BASE}/CodeSystem/height-for-age-status`,
  weightForAgeStatus: `${REGISTRY_FHIR_BASE}/CodeSystem/weight-for-age-status`,
  nutritionalStatus: `${REGISTRY_FHIR_BASE}/CodeSystem/nutritional-status`,
  facility: `${REGISTRY_FHIR_BASE}/sid/facility-code`,
} as const;

/** The measured field of a registry measurement each LOINC code fills, and the position a length code implies. */
export type MeasuredPart = 'weight' | 'length' | 'height' | 'headCircumference' | 'muac';

export const ANTHROPOMETRY_CODES: Readonly<Record<string, { readonly part: MeasuredPart; readonly display: string }>> =
  {
    '29463-7': { part: 'weight', display: 'Body weight' },
    '8306-3': { part: 'length', display: 'Body height --lying' },
    '8302-2': { part: 'height', display: 'Body height' },
    '8308-9': { part: 'height', display: 'Body height --standing' },
    '9843-4': { part: 'headCircumference', display: 'Head Occipital-frontal circumference' },
    '56072-2': { part: 'muac', display: 'Circumference Mid upper arm - right' },
  };

/** The LOINC code the registry answers each part with. */
export const LOINC_OF_PART: Readonly<Record<MeasuredPart, string>> = {
  weight: '29463-7',
  length: '8306-3',
  height: '8308-9',
  headCircumference: '9843-4',
  muac: '56072-2',
};

/**
 * UCUM units accepted per kind of quantity, each as the power of ten to the registry's unit (kg or cm): the value is
 * shifted in its decimal text, so 7600 g is 7.6 kg exactly, not 7600 × 0.001 = 7.6000000000000005.
 */
export const UNIT_EXPONENTS = {
  mass: { kg: 0, g: -3 } as Readonly<Record<string, number>>,
  length: { cm: 0, mm: -1, m: 2 } as Readonly<Record<string, number>>,
};

/** `value` × 10^exponent, computed on the decimal text. */
export function shiftDecimal(value: number, exponent: number): number {
  const [mantissa, power = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(power) + exponent}`);
}

export const kindOfPart = (part: MeasuredPart): keyof typeof UNIT_EXPONENTS => (part === 'weight' ? 'mass' : 'length');

/** The indicators the registry gives a z-score for, with their Indonesian names (Permenkes 2/2020). */
export const INDICATORS = {
  'weight-for-age': 'BB/U (berat badan menurut umur)',
  'length-height-for-age': 'PB/U atau TB/U (panjang/tinggi badan menurut umur)',
  'weight-for-length-height': 'BB/PB atau BB/TB (berat badan menurut panjang/tinggi badan)',
  'bmi-for-age': 'IMT/U (indeks massa tubuh menurut umur)',
  'head-circumference-for-age': 'LK/U (lingkar kepala menurut umur)',
} as const;
export type Indicator = keyof typeof INDICATORS;
