import { INDICATORS, type IndicatorName } from './indicators';
import { monthOf } from './skdn';

/**
 * Incidence (../shared/domain/POSYANDU.md, "Prevalence and incidence"): the children who *became* stunted (wasted,
 * underweight) in a month — their classification below −2 SD after one at or above it. Read month by month, as the
 * posyandu reads its children: a child's state in a month is its latest valid measurement of the month; it is at
 * risk in a month when it was measured in it and its state before (its latest earlier month) was at or above −2; it
 * is a new case when, so at risk, its state in the month is below −2. A child first measured already below −2 is a
 * case of the prevalence, never an onset: nobody saw it become one.
 */

/** A valid measurement of one indicator: not voided, not flagged, classified, of a balita. */
export interface ClassedMeasurement {
  readonly measurementId: string;
  /** The child it counts for: a record merged into another counts under the surviving one. */
  readonly childId: string;
  /** YYYY-MM-DD */
  readonly measuredOn: string;
  /** The place it counts in (a desa, a kecamatan, …). */
  readonly place: string;
  /** The class code the anthropometry library gave it. */
  readonly cls: string;
}

export interface IncidenceCounts {
  /** Children measured in the month whose state before was at or above −2. */
  readonly atRisk: number;
  /** Of those, the ones below −2 in the month. */
  readonly newCases: number;
}

/** Is the class one of the indicator's cases (below −2 SD)? */
export const isCaseClass = (indicator: IndicatorName, cls: string): boolean =>
  (INDICATORS[indicator].numerator as readonly string[]).includes(cls);

/** The month's counts per place, from every valid measurement known of the children (any months, any places). */
export function incidenceByPlace(
  indicator: IndicatorName,
  measurements: readonly ClassedMeasurement[],
  month: string,
): Map<string, IncidenceCounts> {
  const byChild = new Map<string, Map<string, ClassedMeasurement>>();
  for (const m of measurements) {
    const months = byChild.get(m.childId) ?? new Map<string, ClassedMeasurement>();
    const held = months.get(monthOf(m.measuredOn));
    if (
      !held ||
      m.measuredOn > held.measuredOn ||
      (m.measuredOn === held.measuredOn && m.measurementId > held.measurementId)
    )
      months.set(monthOf(m.measuredOn), m);
    byChild.set(m.childId, months);
  }
  const counts = new Map<string, IncidenceCounts>();
  for (const months of byChild.values()) {
    const now = months.get(month);
    const before = [...months.keys()]
      .filter((m) => m < month)
      .sort()
      .pop();
    if (!now || before === undefined || isCaseClass(indicator, months.get(before)!.cls)) continue;
    const held = counts.get(now.place) ?? { atRisk: 0, newCases: 0 };
    counts.set(now.place, {
      atRisk: held.atRisk + 1,
      newCases: held.newCases + (isCaseClass(indicator, now.cls) ? 1 : 0),
    });
  }
  return counts;
}
