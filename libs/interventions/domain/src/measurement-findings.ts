import type { JudgedMeasurement } from '@registry/contracts';
import type { CaseSeverity, CaseType } from './catalog';

/**
 * What a case needs of a measurement: its day, whether it still counts, and the anthropometry lib's verdict on the
 * two indicators (class codes and implausibility flags). Thresholds are never recomputed here: the lib owns them.
 */
export interface MeasurementFacts {
  readonly measurementId: string;
  readonly measuredOn: string;
  readonly status: 'recorded' | 'voided';
  readonly heightForAge: IndicatorVerdict;
  readonly weightForHeight: IndicatorVerdict;
  readonly oedema: boolean;
}

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
});

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
    default: {
      const unknown: never = caseType;
      throw new Error(`unknown case type ${String(unknown)}`);
    }
  }
}
