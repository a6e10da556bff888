import type { JudgedMeasurement, WeightGainJudgement } from '@registry/contracts';
import type { CaseSeverity, CaseType } from './catalog';

/**
 * What a case needs of a measurement: its day, whether it still counts, the anthropometry lib's verdict on the
 * two indicators (class codes and implausibility flags), and intake's posyandu reading of the weighing (N/T/O/B with
 * its run of T, BGM). Thresholds are never recomputed here: the libs own them.
 */
export interface MeasurementFacts {
  readonly measurementId: string;
  readonly measuredOn: string;
  readonly status: 'recorded' | 'voided';
  readonly heightForAge: IndicatorVerdict;
  readonly weightForHeight: IndicatorVerdict;
  readonly oedema: boolean;
  /** As intake last judged it (recorded, corrected or rejudged); null: no weight, or recorded before the judgement. */
  readonly weightGain: WeightGainFacts | null;
  /** Below the red line of the KMS; null: recorded before intake told BGM (not judged). */
  readonly bgm: boolean | null;
}

/** Of intake's judgement, what a follow-up reads: the grams stay with intake. */
export type WeightGainFacts = Pick<WeightGainJudgement, 'judgement' | 'consecutiveT'>;

export const weightGainFactsOf = (
  weightGain: WeightGainJudgement | null | undefined,
): MeasurementFacts['weightGain'] =>
  weightGain ? { judgement: weightGain.judgement, consecutiveT: weightGain.consecutiveT } : null;

export interface IndicatorVerdict {
  /** The class code of the anthropometry lib, null when the indicator could not be computed. */
  readonly code: string | null;
  readonly flagged: boolean;
}

export const measurementFactsOf = (
  measurement: JudgedMeasurement,
  status: MeasurementFacts['status'],
): MeasurementFacts => ({
  measurementId: measurement.measurementId,
  measuredOn: measurement.measuredOn,
  status,
  heightForAge: {
    code: measurement.classifications.heightForAge?.code ?? null,
    flagged: measurement.flags.heightForAge,
  },
  weightForHeight: {
    code: measurement.classifications.weightForHeight?.code ?? null,
    flagged: measurement.flags.weightForHeight,
  },
  oedema: measurement.oedema,
  weightGain: weightGainFactsOf(measurement.weightGain),
  bgm: measurement.bgm ?? null,
});

/** T in this many monthly weighings in a row is 2T: the posyandu refers the child to the puskesmas (POSYANDU.md). */
export const REFERRAL_CONSECUTIVE_T = 2;

/** A measurement's verdict for one case type: no verdict (flagged, or not computable), normal, or a case. */
export type Finding =
  | { readonly kind: 'unassessed' }
  | { readonly kind: 'normal' }
  | { readonly kind: 'case'; readonly severity: CaseSeverity; readonly urgent: boolean };

const UNASSESSED: Finding = { kind: 'unassessed' };
const NORMAL: Finding = { kind: 'normal' };

export function findingOf(measurement: MeasurementFacts, caseType: CaseType): Finding {
  switch (caseType) {
    case 'stunting': {
      const { code, flagged } = measurement.heightForAge;
      if (flagged || code === null) return UNASSESSED;
      if (code === 'severely_stunted') return { kind: 'case', severity: 'severe', urgent: false };
      if (code === 'stunted') return { kind: 'case', severity: 'moderate', urgent: false };
      return NORMAL;
    }
    case 'wasting': {
      // Bilateral pitting oedema is gizi buruk whatever the weight: severe, and urgent for referral.
      if (measurement.oedema) return { kind: 'case', severity: 'severe', urgent: true };
      const { code, flagged } = measurement.weightForHeight;
      if (flagged || code === null) return UNASSESSED;
      if (code === 'severely_wasted') return { kind: 'case', severity: 'severe', urgent: true };
      if (code === 'wasted') return { kind: 'case', severity: 'moderate', urgent: false };
      return NORMAL;
    }
    case 'growth_faltering':
      return growthFalteringFinding(measurement);
    default: {
      const unknown: never = caseType;
      throw new Error(`unknown case type ${String(unknown)}`);
    }
  }
}

/**
 * The posyandu's follow-up: BGM is severe (below −3 SD weight-for-age) and 2T moderate. Neither is urgent: BGM is not
 * a diagnosis but a referral for confirmation, and a confirmed gizi buruk opens its own urgent wasting case from the
 * same measurement. Only N says the child grows again; O, B, a first T and an unjudged weighing say nothing.
 */
function growthFalteringFinding({ bgm, weightGain }: MeasurementFacts): Finding {
  if (bgm === true) return { kind: 'case', severity: 'severe', urgent: false };
  if (weightGain === null) return UNASSESSED;
  switch (weightGain.judgement) {
    case 'N':
      return NORMAL;
    case 'T':
      return weightGain.consecutiveT >= REFERRAL_CONSECUTIVE_T
        ? { kind: 'case', severity: 'moderate', urgent: false }
        : UNASSESSED;
    case 'O':
    case 'B':
      return UNASSESSED;
    default: {
      const unknown: never = weightGain.judgement;
      throw new Error(`unknown weight-gain judgement ${String(unknown)}`);
    }
  }
}
