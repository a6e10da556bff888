import type { GrowthStandards } from '@registry/anthropometry';
import { agesOutOn } from '@registry/interventions-domain';
import type { Kabupaten, SimChild, SimVisit } from './kabupaten';

/**
 * A generated visit as intake assesses it (the WHO tables, whatever day it is: generated visits are never in the
 * future); `heightCm` overrides the visit's, for the length first recorded before a typo was corrected.
 */
export const assessVisit = (
  standards: GrowthStandards,
  child: Pick<SimChild, 'sex' | 'birthDate'>,
  visit: SimVisit,
  heightCm = visit.heightCm,
): ReturnType<GrowthStandards['assess']> =>
  standards.assess(
    {
      sex: child.sex,
      birthDate: child.birthDate,
      measuredOn: visit.measuredOn,
      heightCm,
      weightKg: visit.weightKg,
      position: visit.position,
    },
    { today: '2999-12-31' },
  );

export interface ExpectedRow {
  readonly code: string;
  readonly measured: number;
  readonly severelyStunted: number;
  readonly stunted: number;
  readonly normal: number;
  readonly tall: number;
  readonly flaggedExcluded: number;
}

/**
 * What the reporting service must say about stunting for a period, per kecamatan where children were measured,
 * computed from the generated data by the rules in STANDARDS.md: each child once (a duplicate registration counts
 * with its merged child), its latest valid measurement in the period, flagged values excluded, corrected values
 * counted as corrected, balita only.
 */
export function expectedStunting(
  kabupaten: Kabupaten,
  standards: GrowthStandards,
  from: string,
  to: string,
): ExpectedRow[] {
  const rows = new Map<
    string,
    { measured: number; severely_stunted: number; stunted: number; normal: number; tall: number; flagged: number }
  >();
  for (const child of kabupaten.children) {
    const visits: SimVisit[] = [...child.visits, ...(child.duplicate ? [child.duplicate.visit] : [])].filter(
      (visit) => visit.measuredOn >= from && visit.measuredOn <= to,
    );
    const judged = visits
      .map((visit) => {
        const assessment = assessVisit(standards, child, visit);
        return { visit, assessment };
      })
      .filter(({ assessment }) => assessment.ageDays <= 1826 && assessment.classifications.heightForAge !== null)
      .sort(
        (a, b) =>
          Number(a.assessment.flags.heightForAge) - Number(b.assessment.flags.heightForAge) ||
          b.visit.measuredOn.localeCompare(a.visit.measuredOn),
      );
    const chosen = judged[0];
    if (!chosen) continue;
    const district = chosen.visit.villageCode.slice(0, 8);
    const row = rows.get(district) ?? { measured: 0, severely_stunted: 0, stunted: 0, normal: 0, tall: 0, flagged: 0 };
    if (chosen.assessment.flags.heightForAge) row.flagged += 1;
    else {
      row.measured += 1;
      row[chosen.assessment.classifications.heightForAge!.code] += 1;
    }
    rows.set(district, row);
  }
  return [...rows]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, row]) => ({
      code,
      measured: row.measured,
      severelyStunted: row.severely_stunted,
      stunted: row.stunted,
      normal: row.normal,
      tall: row.tall,
      flaggedExcluded: row.flagged,
    }));
}

/**
 * How many stunting cases the interventions service must hold open once everything is applied, by its rules: a
 * living child still in its balita years whose latest valid height-for-age (flagged values give no verdict) is
 * stunted or severely stunted has one open case, wherever it moved. A merged duplicate's cases are closed; its
 * visit, a day before one of the child's own, is never the latest.
 */
export function expectedOpenStuntingCases(kabupaten: Kabupaten, standards: GrowthStandards, today: string): number {
  let open = 0;
  for (const child of kabupaten.children) {
    const endOfBalita = agesOutOn(child.birthDate);
    if (child.diedOn !== null || endOfBalita <= today) continue;
    const latest = child.visits
      .filter((visit) => visit.measuredOn < endOfBalita)
      .map((visit) => ({
        visit,
        assessment: assessVisit(standards, child, visit),
      }))
      .filter(({ assessment }) => !assessment.flags.heightForAge && assessment.classifications.heightForAge !== null)
      .reduce<{ visit: SimVisit; assessment: ReturnType<GrowthStandards['assess']> } | undefined>(
        (best, judged) => (best === undefined || judged.visit.measuredOn >= best.visit.measuredOn ? judged : best),
        undefined,
      );
    const code = latest?.assessment.classifications.heightForAge?.code;
    if (code === 'stunted' || code === 'severely_stunted') open += 1;
  }
  return open;
}
