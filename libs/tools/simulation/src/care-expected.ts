import type { GrowthStandards } from '@registry/anthropometry';
import { isBgm, judgeWeightGains } from '@registry/growth-monitoring';
import {
  decideCaseFile,
  evolveCase,
  weightGainFactsOf,
  type CaseFileTrigger,
  type ChildFacts,
  type KnownCase,
  type MeasurementFacts,
  type OpenCase,
} from '@registry/interventions-domain';
import type { Kabupaten, SimChild, SimVisit } from './kabupaten';
import { assessVisit } from './expected';

/**
 * The cases the interventions service must hold open for the generated children, by record key (a child's key, or
 * its duplicate's). Derived by the domain's own case rules (decideCaseFile), fed with what the push sends in the
 * order it sends it: measurements month by month (typos as first typed), the move, the later measurements, then the
 * corrections, the death and the merge; and a sweep on `today` for the children who completed 60 months since.
 */
export function expectedOpenCases(
  kabupaten: Kabupaten,
  standards: GrowthStandards,
  today: string,
  options: { readonly mergeDuplicates: boolean },
): Map<string, OpenCase[]> {
  const open = new Map<string, OpenCase[]>();
  for (const child of kabupaten.children) {
    const merged = options.mergeDuplicates ? (child.duplicate?.visit ?? null) : null;
    const cases = caseHistory(child, standards, today, merged);
    if (cases.length > 0) open.set(child.key, cases);
    if (child.duplicate && !options.mergeDuplicates) {
      const record: SimChild = {
        ...child,
        key: child.duplicate.key,
        visits: [child.duplicate.visit],
        move: null,
        diedOn: null,
      };
      const duplicateCases = caseHistory(record, standards, today, null);
      if (duplicateCases.length > 0) open.set(child.duplicate.key, duplicateCases);
    }
  }
  return open;
}

/**
 * The open cases of one record after everything the push sends about it. `merged`: the visit of a duplicate merged
 * into it, which intake then judges with the record's own weighings (a month earlier, it can turn a B into a T).
 */
function caseHistory(child: SimChild, standards: GrowthStandards, today: string, merged: SimVisit | null): OpenCase[] {
  let facts: ChildFacts = {
    childId: child.key,
    birthDate: child.birthDate,
    villageCode: child.villageCode,
    districtCode: child.villageCode.slice(0, 8),
    regencyCode: child.villageCode.slice(0, 5),
    status: 'active',
    diedOn: null,
    mergedInto: null,
  };
  let measurements: MeasurementFacts[] = [];
  let cases = new Map<string, KnownCase>();
  let caseNumber = 0;
  const apply = (trigger: CaseFileTrigger) => {
    const decisions = decideCaseFile({ child: facts, measurements, cases: [...cases.values()] }, trigger, {
      today,
      newCaseId: () => `${child.key}-case-${(caseNumber += 1)}`,
    });
    for (const { caseId, event } of decisions)
      cases = new Map(cases).set(caseId, evolveCase(cases.get(caseId) ?? { status: 'none' }, event) as KnownCase);
  };
  const moved = (visit: SimVisit) => child.move !== null && visit.measuredOn >= child.move.movedOn;
  // Sent month by month, each weighing is judged as it would be with all of them: only earlier months count.
  const judged = judgedVisits(child.birthDate, child.visits);
  const factsOfVisit = (visit: SimVisit, heightCm: number): MeasurementFacts =>
    factsOf(child, visit, standards, heightCm, weightGainFactsOf(judged.get(visit.sourceRecordId)));
  const measure = (visit: SimVisit) => {
    measurements = [...measurements, factsOfVisit(visit, visit.typo?.heightCm ?? visit.heightCm)];
    apply({ type: 'ReviewMeasurements' });
  };
  child.visits.filter((visit) => !moved(visit)).forEach(measure);
  if (child.move) {
    const villageCode = child.move.villageCode;
    facts = { ...facts, villageCode, districtCode: villageCode.slice(0, 8), regencyCode: villageCode.slice(0, 5) };
    apply({
      type: 'RecordRelocation',
      data: {
        movedOn: child.move.movedOn,
        regencyCode: facts.regencyCode,
        districtCode: facts.districtCode,
        villageCode,
      },
    });
  }
  child.visits.filter(moved).forEach(measure);
  for (const visit of child.visits.filter((v) => v.typo)) {
    measurements = measurements.map((m) =>
      m.measurementId === visit.sourceRecordId ? factsOfVisit(visit, visit.heightCm) : m,
    );
    apply({ type: 'ReviewMeasurements' });
  }
  if (merged) {
    // The merge's rejudgements: the record's weighings judged again with the duplicate's.
    const rejudged = judgedVisits(child.birthDate, [merged, ...child.visits]);
    measurements = measurements.map((m) => ({ ...m, weightGain: weightGainFactsOf(rejudged.get(m.measurementId)) }));
    apply({ type: 'ReviewMeasurements' });
  }
  if (child.diedOn) {
    facts = { ...facts, status: 'died', diedOn: child.diedOn };
    apply({ type: 'RecordDeath', data: { diedOn: child.diedOn } });
  }
  apply({ type: 'SweepAgedOut' });
  return [...cases.values()].filter((c): c is OpenCase => c.status === 'open');
}

/**
 * What the case rules read of a measurement, judged by the anthropometry lib as intake judges it, with the weight
 * gain intake judged from the record's weighings.
 */
function factsOf(
  child: SimChild,
  visit: SimVisit,
  standards: GrowthStandards,
  heightCm: number,
  weightGain: MeasurementFacts['weightGain'],
): MeasurementFacts {
  const assessment = assessVisit(standards, child, visit, heightCm);
  return {
    measurementId: visit.sourceRecordId,
    measuredOn: visit.measuredOn,
    status: 'recorded',
    heightForAge: {
      code: assessment.classifications.heightForAge?.code ?? null,
      flagged: assessment.flags.heightForAge,
    },
    weightForHeight: {
      code: assessment.classifications.weightForHeight?.code ?? null,
      flagged: assessment.flags.weightForHeight,
    },
    oedema: assessment.oedema,
    weightGain,
    bgm: isBgm(assessment.zScores.weightForAge, assessment.flags.weightForAge),
  };
}

/** Intake's N/T/O/B of these visits, by record id (the measurement id the push gives them here). */
const judgedVisits = (birthDate: string, visits: readonly SimVisit[]) =>
  judgeWeightGains(
    birthDate,
    visits.map((visit) => ({
      measurementId: visit.sourceRecordId,
      measuredOn: visit.measuredOn,
      weightKg: visit.weightKg,
    })),
  );

/**
 * The children the TPPS of `regencyCode` must see as sponsorship candidates: an open stunting case followed there
 * (GET /v1/sponsorships/candidates lists each such child once), less those `committed` already.
 */
export function expectedCandidates(
  open: ReadonlyMap<string, readonly OpenCase[]>,
  regencyCode: string,
  committed: ReadonlySet<string> = new Set(),
): string[] {
  return [...open]
    .filter(
      ([key, cases]) =>
        !committed.has(key) && cases.some((c) => c.type === 'stunting' && c.regencyCode === regencyCode),
    )
    .map(([key]) => key);
}

export interface ComparisonRow {
  readonly what: string;
  readonly expected: number;
  readonly reported: number;
}

/** A table of expected against reported figures, one line each, and whether every one matched. */
export function comparisonTable(title: string, rows: readonly ComparisonRow[]): { matched: boolean; text: string } {
  const width = Math.max(title.length, ...rows.map((row) => row.what.length));
  const line = (what: string, expected: string, reported: string, verdict: string) =>
    `${what.padEnd(width)}  ${expected.padStart(9)}  ${reported.padStart(9)}  ${verdict}`;
  const text = [
    line(title, 'expected', 'reported', ''),
    ...rows.map((row) =>
      line(row.what, String(row.expected), String(row.reported), row.expected === row.reported ? 'match' : 'MISMATCH'),
    ),
  ].join('\n');
  return { matched: rows.every((row) => row.expected === row.reported), text };
}

/** Rows comparing two sets of keys: how many each holds, and how many of each are missing from the other. */
export function setRows(what: string, expected: ReadonlySet<string>, reported: ReadonlySet<string>): ComparisonRow[] {
  const missing = [...expected].filter((key) => !reported.has(key)).length;
  const unexpected = [...reported].filter((key) => !expected.has(key)).length;
  return [
    { what, expected: expected.size, reported: reported.size },
    { what: `${what}: expected, not reported`, expected: 0, reported: missing },
    { what: `${what}: reported, not expected`, expected: 0, reported: unexpected },
  ];
}
