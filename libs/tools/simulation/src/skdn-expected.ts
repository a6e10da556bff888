import type { GrowthStandards } from '@registry/anthropometry';
import { isBgm, judgeWeightGains } from '@registry/growth-monitoring';
import { isBalitaIn, skdnCountsByPlace, type SkdnCounts, type SkdnWeighing } from '@registry/reporting-domain';
import type { ComparisonRow } from './care-expected';
import { assessVisit } from './expected';
import type { Kabupaten } from './kabupaten';

/** SKDN of one kecamatan for a month: K, and the counts of its weighings. */
export interface ExpectedSkdnRow extends SkdnCounts {
  readonly code: string;
  readonly k: number;
}

/**
 * What GET /v1/reports/skdn?period=<month>&groupBy=district must answer for the generated children, by the rules of
 * POSYANDU.md through the domain libraries: each child's weighings (a duplicate registration's with those of the child
 * it is merged into) judged N/T/O/B against the month before, the latest of each month counted where it was taken,
 * BGM by the WHO weight-for-age; K the balita living in the kecamatan (after a move, where they moved to), alive in
 * the month.
 */
export function expectedSkdn(kabupaten: Kabupaten, standards: GrowthStandards, month: string): ExpectedSkdnRow[] {
  const weighings: SkdnWeighing[] = [];
  for (const child of kabupaten.children) {
    const visits = [...child.visits, ...(child.duplicate ? [child.duplicate.visit] : [])];
    const judged = judgeWeightGains(
      child.birthDate,
      visits.map((visit) => ({
        measurementId: visit.sourceRecordId,
        measuredOn: visit.measuredOn,
        weightKg: visit.weightKg,
      })),
    );
    for (const visit of visits) {
      const { zScores, flags } = assessVisit(standards, child, visit);
      const gain = judged.get(visit.sourceRecordId)!;
      weighings.push({
        measurementId: visit.sourceRecordId,
        childId: child.key,
        measuredOn: visit.measuredOn,
        birthDate: child.birthDate,
        regencyCode: visit.villageCode.slice(0, 5),
        districtCode: visit.villageCode.slice(0, 8),
        villageCode: visit.villageCode,
        puskesmasCode: visit.puskesmasCode,
        posyanduCode: visit.posyanduCode,
        judgement: gain.judgement,
        consecutiveT: gain.consecutiveT,
        bgm: isBgm(zScores.weightForAge, flags.weightForAge),
      });
    }
  }
  const counts = skdnCountsByPlace(weighings, month, (w) => w.districtCode);
  const residents = new Map<string, number>();
  for (const child of kabupaten.children) {
    const alive = child.diedOn === null || child.diedOn >= `${month}-01`;
    if (!alive || !isBalitaIn(child.birthDate, month)) continue;
    const district = (child.move?.villageCode ?? child.villageCode).slice(0, 8);
    residents.set(district, (residents.get(district) ?? 0) + 1);
  }
  const none: SkdnCounts = { weighed: 0, n: 0, t: 0, twoT: 0, o: 0, b: 0, bgm: 0 };
  return [...new Set([...counts.keys(), ...residents.keys()])]
    .filter((code) => code.startsWith(kabupaten.options.regencyCode))
    .sort()
    .map((code) => ({ code, k: residents.get(code) ?? 0, ...(counts.get(code) ?? none) }));
}

const FIELDS = ['k', 'weighed', 'n', 't', 'twoT', 'o', 'b', 'bgm'] as const;
const LABELS: Record<(typeof FIELDS)[number], string> = {
  k: 'K (balita living there)',
  weighed: 'D (weighed)',
  n: 'N (naik)',
  t: 'T (tidak naik)',
  twoT: '2T',
  o: 'O (not weighed last month)',
  b: 'B (first weighing)',
  bgm: 'BGM',
};

/** The kabupaten's totals of each count, then how many kecamatan rows differ in any of them. */
export function skdnRows(
  month: string,
  expected: readonly ExpectedSkdnRow[],
  reported: ReadonlyArray<Record<(typeof FIELDS)[number] | 'code', number | string | null>>,
): ComparisonRow[] {
  const byCode = new Map(reported.map((row) => [String(row.code), row]));
  const total = (rows: Iterable<Record<string, unknown>>, field: string) =>
    [...rows].reduce((sum, row) => sum + Number(row[field] ?? 0), 0);
  const differing = expected.filter((row) => {
    const other = byCode.get(row.code);
    return !other || FIELDS.some((field) => Number(other[field] ?? 0) !== row[field]);
  }).length;
  return [
    ...FIELDS.map((field) => ({
      what: `SKDN ${month}: ${LABELS[field]}`,
      expected: total(expected as Iterable<Record<string, unknown>>, field),
      reported: total(reported, field),
    })),
    { what: `SKDN ${month}: kecamatan rows that differ`, expected: 0, reported: differing },
  ];
}
