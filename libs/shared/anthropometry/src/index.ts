export type { Assessment, AssessmentFlags, Classifications, ZScores } from './assessment';
export { ageInDaysFromMonths, ageInMonths, DAYS_PER_MONTH, expectedPosition } from './age';
export type {
  HeightForAgeClass,
  HeightForAgeClassification,
  NutritionClass,
  NutritionClassification,
  WeightForAgeClass,
  WeightForAgeClassification,
} from './classification';
export { PERMENKES_CLASSES } from './classification';
export { AnthropometryInputError, type AnthropometryInputErrorCode, GrowthStandardsLoadError } from './errors';
export { type AssessOptions, GrowthStandards, type Indicator } from './growth-standards';
export { type MeasurementInput, type Position, type Sex, validateMeasurement } from './measurement-input';
export type { GrowthStandardsFiles } from './table-parser';
export { CURVE_Z_SCORES, type CurvePoint } from './growth-curves';
