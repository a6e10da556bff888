import { ageInMonths, FIRST_HEIGHT_DAY } from './age';
import {
  classifyHeightForAge,
  classifyNutrition,
  classifyWeightForAge,
  type HeightForAgeClassification,
  isImplausible,
  type NutritionClassification,
  OEDEMA_NUTRITION,
  OEDEMA_WEIGHT_FOR_AGE,
  type WeightForAgeClassification,
} from './classification';
import type { GrowthTables } from './lms-table';
import { zScoreAtAge, zScoreAtLength } from './lms-table';
import type { ChildMeasurement, Position } from './measurement-input';
import { roundZScore } from './z-score';

/** z-scores rounded to 2 decimals, as WHO software reports them; null where WHO gives none. */
export interface ZScores {
  readonly heightForAge: number | null;
  readonly weightForAge: number | null;
  /** Weight-for-length under 731 days, weight-for-height from 731 days. */
  readonly weightForHeight: number | null;
  readonly bmiForAge: number | null;
  readonly headCircumferenceForAge: number | null;
}

export interface Classifications {
  readonly heightForAge: HeightForAgeClassification | null;
  readonly weightForAge: WeightForAgeClassification | null;
  readonly weightForHeight: NutritionClassification | null;
  readonly bmiForAge: NutritionClassification | null;
}

/** True marks a value to keep but exclude from prevalence. */
export interface AssessmentFlags {
  readonly heightForAge: boolean;
  readonly weightForAge: boolean;
  readonly weightForHeight: boolean;
  readonly bmiForAge: boolean;
  readonly headCircumferenceForAge: boolean;
  /** A child under 9 months recorded as standing: WHO treats the position as unknown and applies no correction. */
  readonly positionUnder9MonthsStanding: boolean;
}

export interface Assessment {
  readonly ageDays: number;
  /** days / 30.4375, rounded to 2 decimals. */
  readonly ageMonths: number;
  /** Length under 731 days, height from 731 days, after the 0.7 cm correction. */
  readonly correctedHeightCm: number | null;
  readonly heightMeasure: 'length' | 'height' | null;
  readonly zScores: ZScores;
  readonly classifications: Classifications;
  readonly flags: AssessmentFlags;
  readonly oedema: boolean;
  readonly standard: 'WHO-2006';
}

/** Unrounded z-scores (null where WHO gives none) and what was derived to compute them. */
export interface ComputedZScores {
  readonly correctedHeightCm: number | null;
  readonly positionUnder9MonthsStanding: boolean;
  readonly zScores: Readonly<Record<keyof ZScores, number | null>>;
}

/** Recumbent length reads about 0.7 cm more than standing height (WHO 2006). */
const LENGTH_MINUS_HEIGHT_CM = 0.7;
/** Corrected values are rounded to 1e-6 cm: 0.7 is not exact in binary, and 109.3 + 0.7 must be 110, in the table. */
const CORRECTION_GRID = 1e6;
const UNDER_9_MONTHS = 9;

/** z-scores of a validated measurement, following WHO Anthro (≥ 1.1.0) rule by rule. */
export function computeZScores(tables: GrowthTables, child: ChildMeasurement): ComputedZScores {
  const { sex, ageDays, weightKg, heightCm, headCircumferenceCm, oedema } = child;
  const positionUnder9MonthsStanding = child.position === 'standing' && ageInMonths(ageDays) < UNDER_9_MONTHS;
  const position = positionUnder9MonthsStanding ? null : child.position;
  const correctedHeightCm = heightCm === null ? null : correctLengthOrHeight(ageDays, position, heightCm);
  const weightBased = weightKg !== null && !oedema;

  const withHeight = correctedHeightCm !== null;
  const heightMetres = withHeight ? correctedHeightCm / 100 : NaN;
  const weightForHeightTable = ageDays < FIRST_HEIGHT_DAY ? tables.weightForLength[sex] : tables.weightForHeight[sex];
  return {
    correctedHeightCm,
    positionUnder9MonthsStanding,
    zScores: {
      heightForAge: withHeight
        ? orNull(zScoreAtAge(tables.heightForAge[sex], ageDays, correctedHeightCm, false))
        : null,
      weightForAge: weightBased ? orNull(zScoreAtAge(tables.weightForAge[sex], ageDays, weightKg, true)) : null,
      weightForHeight:
        weightBased && withHeight ? orNull(zScoreAtLength(weightForHeightTable, correctedHeightCm, weightKg)) : null,
      // BMI from the corrected value, so it is a length-based BMI under 731 days like the table rows.
      bmiForAge:
        weightBased && withHeight
          ? orNull(zScoreAtAge(tables.bmiForAge[sex], ageDays, weightKg / (heightMetres * heightMetres), true))
          : null,
      headCircumferenceForAge:
        headCircumferenceCm === null
          ? null
          : orNull(zScoreAtAge(tables.headCircumferenceForAge[sex], ageDays, headCircumferenceCm, false)),
    },
  };
}

function orNull(z: number): number | null {
  return Number.isNaN(z) ? null : z;
}

/**
 * Converts to recumbent length under 731 days and to standing height from 731 days. With no position WHO assumes
 * the expected one, so nothing changes.
 */
export function correctLengthOrHeight(ageDays: number, position: Position | null, heightCm: number): number {
  const lengthBased = ageDays < FIRST_HEIGHT_DAY;
  if (lengthBased && position === 'standing') return onGrid(heightCm + LENGTH_MINUS_HEIGHT_CM);
  if (!lengthBased && position === 'lying') return onGrid(heightCm - LENGTH_MINUS_HEIGHT_CM);
  return heightCm;
}

function onGrid(cm: number): number {
  return Math.round(cm * CORRECTION_GRID) / CORRECTION_GRID;
}

function classify<C>(roundedZ: number | null, classifier: (z: number) => C): C | null {
  return roundedZ === null ? null : classifier(roundedZ);
}

/** Rounds, classifies and flags the z-scores of a validated measurement. */
export function assessMeasurement(tables: GrowthTables, child: ChildMeasurement): Assessment {
  const computed = computeZScores(tables, child);
  const round = (z: number | null) => (z === null ? null : roundZScore(z));
  const zScores: ZScores = {
    heightForAge: round(computed.zScores.heightForAge),
    weightForAge: round(computed.zScores.weightForAge),
    weightForHeight: round(computed.zScores.weightForHeight),
    bmiForAge: round(computed.zScores.bmiForAge),
    headCircumferenceForAge: round(computed.zScores.headCircumferenceForAge),
  };
  const { oedema } = child;
  return {
    ageDays: child.ageDays,
    ageMonths: Math.round(ageInMonths(child.ageDays) * 100) / 100,
    correctedHeightCm: computed.correctedHeightCm,
    heightMeasure: computed.correctedHeightCm === null ? null : child.ageDays < FIRST_HEIGHT_DAY ? 'length' : 'height',
    zScores,
    classifications: {
      heightForAge: classify(zScores.heightForAge, classifyHeightForAge),
      weightForAge: oedema ? OEDEMA_WEIGHT_FOR_AGE : classify(zScores.weightForAge, classifyWeightForAge),
      weightForHeight: oedema ? OEDEMA_NUTRITION : classify(zScores.weightForHeight, classifyNutrition),
      bmiForAge: oedema ? OEDEMA_NUTRITION : classify(zScores.bmiForAge, classifyNutrition),
    },
    flags: {
      heightForAge: isImplausible('heightForAge', zScores.heightForAge),
      weightForAge: isImplausible('weightForAge', zScores.weightForAge),
      weightForHeight: isImplausible('weightForHeight', zScores.weightForHeight),
      bmiForAge: isImplausible('bmiForAge', zScores.bmiForAge),
      headCircumferenceForAge: isImplausible('headCircumferenceForAge', zScores.headCircumferenceForAge),
      positionUnder9MonthsStanding: computed.positionUnder9MonthsStanding,
    },
    oedema,
    standard: 'WHO-2006',
  };
}
