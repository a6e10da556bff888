import type { GrowthStandards } from '@registry/anthropometry';
import type { Kabupaten, SimVisit } from './kabupaten';

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
        const assessment = standards.assess(
          {
            sex: child.sex,
            birthDate: child.birthDate,
            measuredOn: visit.measuredOn,
            heightCm: visit.heightCm,
            weightKg: visit.weightKg,
            position: visit.position,
          },
          { today: '2999-12-31' },
        );
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
