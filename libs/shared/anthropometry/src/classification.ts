// Nutritional status categories of Permenkes 2/2020 (cut-offs of the WHO Child Growth Standards) and the WHO
// flags for biologically implausible z-scores. All of them take the z-score as reported, rounded to 2 decimals:
// −2.00 is normal while −2.01 is stunted.

/** Each code with its Indonesian label as printed in Permenkes 2/2020. */
const HEIGHT_FOR_AGE_LABELS = {
  severely_stunted: 'sangat pendek',
  stunted: 'pendek',
  normal: 'normal',
  tall: 'tinggi',
} as const;

const WEIGHT_FOR_AGE_LABELS = {
  severely_underweight: 'berat badan sangat kurang',
  underweight: 'berat badan kurang',
  normal: 'normal',
  risk_of_overweight: 'risiko berat badan lebih',
} as const;

/** Shared by BB/PB, BB/TB (weight-for-length/height) and IMT/U (BMI-for-age). */
const NUTRITION_LABELS = {
  severely_wasted: 'gizi buruk',
  wasted: 'gizi kurang',
  normal: 'gizi baik',
  possible_risk_of_overweight: 'berisiko gizi lebih',
  overweight: 'gizi lebih',
  obese: 'obesitas',
} as const;

type ClassificationOf<Labels extends Record<string, string>> = {
  [Code in keyof Labels]: { readonly code: Code; readonly label: Labels[Code] };
}[keyof Labels];

export type HeightForAgeClass = keyof typeof HEIGHT_FOR_AGE_LABELS;
export type WeightForAgeClass = keyof typeof WEIGHT_FOR_AGE_LABELS;
export type NutritionClass = keyof typeof NUTRITION_LABELS;
export type HeightForAgeClassification = ClassificationOf<typeof HEIGHT_FOR_AGE_LABELS>;
export type WeightForAgeClassification = ClassificationOf<typeof WEIGHT_FOR_AGE_LABELS>;
export type NutritionClassification = ClassificationOf<typeof NUTRITION_LABELS>;

/** One frozen object per category, so classifying allocates nothing and results compare by value or identity. */
function classifications<Labels extends Record<string, string>>(
  labels: Labels,
): { readonly [Code in keyof Labels]: ClassificationOf<Labels> } {
  return Object.fromEntries(Object.entries(labels).map(([code, label]) => [code, Object.freeze({ code, label })])) as {
    [Code in keyof Labels]: ClassificationOf<Labels>;
  };
}

/** Every class of each Permenkes 2/2020 index with its label: BB/PB(TB) and IMT/U share theirs. */
export const PERMENKES_CLASSES = {
  heightForAge: HEIGHT_FOR_AGE_LABELS,
  weightForAge: WEIGHT_FOR_AGE_LABELS,
  nutrition: NUTRITION_LABELS,
} as const;

const HEIGHT_FOR_AGE = classifications(HEIGHT_FOR_AGE_LABELS);
const WEIGHT_FOR_AGE = classifications(WEIGHT_FOR_AGE_LABELS);
const NUTRITION = classifications(NUTRITION_LABELS);

/** TB/U, PB/U: < −3 sangat pendek, −3 to < −2 pendek, −2 to +3 normal, > +3 tinggi. */
export function classifyHeightForAge(roundedZ: number): HeightForAgeClassification {
  if (roundedZ < -3) return HEIGHT_FOR_AGE.severely_stunted;
  if (roundedZ < -2) return HEIGHT_FOR_AGE.stunted;
  if (roundedZ <= 3) return HEIGHT_FOR_AGE.normal;
  return HEIGHT_FOR_AGE.tall;
}

/** BB/U: < −3 sangat kurang, −3 to < −2 kurang, −2 to +1 normal, > +1 risiko berat badan lebih. */
export function classifyWeightForAge(roundedZ: number): WeightForAgeClassification {
  if (roundedZ < -3) return WEIGHT_FOR_AGE.severely_underweight;
  if (roundedZ < -2) return WEIGHT_FOR_AGE.underweight;
  if (roundedZ <= 1) return WEIGHT_FOR_AGE.normal;
  return WEIGHT_FOR_AGE.risk_of_overweight;
}

/** BB/PB, BB/TB, IMT/U: < −3 gizi buruk, −3 to < −2 gizi kurang, −2 to +1 gizi baik, then +2 and +3 bounds. */
export function classifyNutrition(roundedZ: number): NutritionClassification {
  if (roundedZ < -3) return NUTRITION.severely_wasted;
  if (roundedZ < -2) return NUTRITION.wasted;
  if (roundedZ <= 1) return NUTRITION.normal;
  if (roundedZ <= 2) return NUTRITION.possible_risk_of_overweight;
  if (roundedZ <= 3) return NUTRITION.overweight;
  return NUTRITION.obese;
}

/** Bilateral pitting oedema counts as below −3 SD for every weight-based indicator (WHO Anthro prevalence rules). */
export const OEDEMA_WEIGHT_FOR_AGE = WEIGHT_FOR_AGE.severely_underweight;
export const OEDEMA_NUTRITION = NUTRITION.severely_wasted;

export type FlaggedIndicator =
  'heightForAge' | 'weightForAge' | 'weightForHeight' | 'bmiForAge' | 'headCircumferenceForAge';

/** WHO limits of biologically plausible z-scores (anthro flag thresholds; igrowup Readme p. 2): [lowest, highest]. */
const PLAUSIBLE_RANGE: Readonly<Record<FlaggedIndicator, readonly [number, number]>> = {
  heightForAge: [-6, 6],
  weightForAge: [-6, 5],
  weightForHeight: [-5, 5],
  bmiForAge: [-5, 5],
  headCircumferenceForAge: [-5, 5],
};

/** True for an implausible z-score: kept and reported, but to be excluded from prevalence. */
export function isImplausible(indicator: FlaggedIndicator, roundedZ: number | null): boolean {
  if (roundedZ === null) return false;
  const [lowest, highest] = PLAUSIBLE_RANGE[indicator];
  return roundedZ < lowest || roundedZ > highest;
}
