import { agesOutOn } from './calendar';
import { CASE_TYPES, type CaseType } from './catalog';
import { evolveCase, initialCase, type CaseEvent, type CloseReason, type KnownCase, type OpenCase } from './case';
import type { ChildFacts, IdentityEvent } from './child-facts';
import { findingOf, type Finding, type MeasurementFacts } from './measurement-findings';

/** Everything the case rules look at for one child: the child, its measurements and its cases. */
export interface CaseFile {
  readonly child: ChildFacts;
  /** In the order they were first recorded: of two measurements of one day, the later recorded is the latest. */
  readonly measurements: readonly MeasurementFacts[];
  readonly cases: readonly KnownCase[];
}

/** What happened to the child; the file already reflects it (the measurement is stored, the death recorded). */
export type CaseFileTrigger =
  | { readonly type: 'ReviewMeasurements' }
  | { readonly type: 'RecordDeath'; readonly data: { readonly diedOn: string } }
  | { readonly type: 'RecordMerge'; readonly data: { readonly mergedOn: string } }
  | {
      readonly type: 'RecordRelocation';
      readonly data: {
        readonly movedOn: string;
        readonly regencyCode: string;
        readonly districtCode: string;
        readonly villageCode: string;
      };
    }
  | { readonly type: 'SweepAgedOut' };

export interface CaseFileContext {
  /** YYYY-MM-DD: the day the rules are applied on, injected. */
  readonly today: string;
  readonly newCaseId: () => string;
}

/** A case event and the case (stream) it belongs to, in the order they must be appended. */
export interface CaseDecision {
  readonly caseId: string;
  readonly event: CaseEvent;
}

/**
 * The case rules of one child. Cases open and close from the latest valid measurement of each indicator, so a
 * measurement uploaded late, corrected or voided leads to the same cases as if it had come in order:
 * - open: the latest valid measurement shows the case (HAZ or WHZ class below −2, or oedema; for a follow-up, the
 *   latest weighing judged 2T or BGM) and none is open;
 * - recovered: the latest valid measurement is back at or above −2 (for a follow-up: judged N) after the case was
 *   shown during it;
 * - measurement_withdrawn: a correction or void leaves nothing during the case that shows it;
 * - aged_out, died, merged: the child ends its balita years, dies, or is a duplicate record;
 * - a move to another regency transfers the open cases to that regency's TPPS.
 * Flagged (implausible) values give no verdict: they neither open nor close a case; nor do O, B, a first T or an
 * unjudged weighing for a follow-up.
 */
export function decideCaseFile(file: CaseFile, trigger: CaseFileTrigger, context: CaseFileContext): CaseDecision[] {
  const work = new CaseWork(file.cases);
  const { child } = file;
  switch (trigger.type) {
    case 'ReviewMeasurements':
      if (child.status !== 'active') return [];
      for (const caseType of CASE_TYPES) reconcile(work, file, caseType, context);
      closeAgedOut(work, child, context.today);
      break;
    case 'RecordDeath':
      // Aged out first when the child had completed 60 months before dying.
      closeAgedOut(work, child, trigger.data.diedOn);
      closeAll(work, 'died', trigger.data.diedOn);
      break;
    case 'RecordMerge':
      closeAgedOut(work, child, trigger.data.mergedOn);
      closeAll(work, 'merged', trigger.data.mergedOn);
      break;
    case 'RecordRelocation': {
      closeAgedOut(work, child, context.today);
      const { movedOn, regencyCode, districtCode, villageCode } = trigger.data;
      for (const open of work.open().filter((c) => c.regencyCode !== regencyCode)) {
        work.emit({
          type: 'case.transferred',
          data: {
            caseId: open.caseId,
            childId: open.childId,
            fromRegencyCode: open.regencyCode,
            toRegencyCode: regencyCode,
            toDistrictCode: districtCode,
            toVillageCode: villageCode,
            transferredOn: movedOn,
          },
        });
      }
      break;
    }
    case 'SweepAgedOut':
      closeAgedOut(work, child, context.today);
      break;
    default: {
      const unknown: never = trigger;
      throw new Error(`unknown case trigger ${(unknown as CaseFileTrigger).type}`);
    }
  }
  return work.decisions;
}

/** What an identity event means for the child's cases (`on`: the day it was recorded); null when nothing. */
export function caseTriggerOf(event: IdentityEvent, on: string): CaseFileTrigger | null {
  switch (event.type) {
    case 'child.registered':
    case 'child.corrected':
    case 'child.unmerged':
      // A birth date learned or changed moves the end of the balita years; an unmerged record is a child again.
      return { type: 'ReviewMeasurements' };
    case 'child.relocated': {
      const { movedOn, toRegencyCode, toDistrictCode, toVillageCode } = event.data;
      return {
        type: 'RecordRelocation',
        data: { movedOn, regencyCode: toRegencyCode, districtCode: toDistrictCode, villageCode: toVillageCode },
      };
    }
    case 'child.died':
      return { type: 'RecordDeath', data: { diedOn: event.data.diedOn } };
    case 'child.merged':
      return { type: 'RecordMerge', data: { mergedOn: on } };
    case 'child.personal-data-accessed':
    case 'child.personal-data-erased':
      return null;
    default: {
      const unknown: never = event;
      throw new Error(`unknown identity event ${(unknown as IdentityEvent).type}`);
    }
  }
}

/** The cases as the decisions so far leave them. */
class CaseWork {
  readonly decisions: CaseDecision[] = [];
  private readonly cases: Map<string, KnownCase>;

  constructor(cases: readonly KnownCase[]) {
    this.cases = new Map(cases.map((c) => [c.caseId, c]));
  }

  open(type?: CaseType): OpenCase[] {
    return [...this.cases.values()].filter(
      (c): c is OpenCase => c.status === 'open' && (type === undefined || c.type === type),
    );
  }

  all(): KnownCase[] {
    return [...this.cases.values()];
  }

  emit(event: CaseEvent): void {
    const { caseId } = event.data;
    this.decisions.push({ caseId, event });
    this.cases.set(caseId, evolveCase(this.cases.get(caseId) ?? initialCase, event) as KnownCase);
  }
}

interface Assessed {
  readonly measurement: MeasurementFacts;
  readonly finding: Exclude<Finding, { kind: 'unassessed' }>;
}

function reconcile(work: CaseWork, file: CaseFile, caseType: CaseType, context: CaseFileContext): void {
  const { child } = file;
  const endOfBalita = agesOutOn(child.birthDate);
  // Only what the child's balita years show counts; a measurement past them (intake computes to 1856 days) does not.
  const assessed = file.measurements
    .filter((m) => m.status === 'recorded' && m.measuredOn < endOfBalita)
    .map((measurement) => ({ measurement, finding: findingOf(measurement, caseType) }))
    .filter((a): a is Assessed => a.finding.kind !== 'unassessed');
  const evidence = latest(assessed);
  const [open] = work.open(caseType);

  if (open) {
    if (evidence?.finding.kind === 'case') return;
    const shownDuringCase = assessed.some(
      (a) => a.finding.kind === 'case' && a.measurement.measuredOn >= open.openedOn,
    );
    work.emit({
      type: 'case.closed',
      data:
        evidence && shownDuringCase
          ? closing(open, 'recovered', evidence.measurement.measuredOn, evidence.measurement.measurementId)
          : closing(open, 'measurement_withdrawn', context.today, open.triggeringMeasurementId),
    });
    return;
  }

  if (evidence?.finding.kind !== 'case') return;
  // A child that aged out of a case of this type gets no new one from its earlier measurements.
  if (work.all().some((c) => c.type === caseType && c.status === 'closed' && c.reason === 'aged_out')) return;
  work.emit({
    type: 'case.opened',
    data: {
      caseId: context.newCaseId(),
      childId: child.childId,
      type: caseType,
      severity: evidence.finding.severity,
      urgent: evidence.finding.urgent,
      triggeringMeasurementId: evidence.measurement.measurementId,
      openedOn: evidence.measurement.measuredOn,
      regencyCode: child.regencyCode,
      districtCode: child.districtCode,
      villageCode: child.villageCode,
    },
  });
}

/** The latest by measurement day; of one day, the one recorded last. */
const latest = (assessed: readonly Assessed[]): Assessed | undefined =>
  assessed.reduce<Assessed | undefined>(
    (best, a) => (best === undefined || a.measurement.measuredOn >= best.measurement.measuredOn ? a : best),
    undefined,
  );

function closeAgedOut(work: CaseWork, child: ChildFacts, asOf: string): void {
  const endOfBalita = agesOutOn(child.birthDate);
  if (endOfBalita > asOf) return;
  for (const open of work.open())
    work.emit({ type: 'case.closed', data: closing(open, 'aged_out', endOfBalita, null) });
}

function closeAll(work: CaseWork, reason: 'died' | 'merged', on: string): void {
  for (const open of work.open()) work.emit({ type: 'case.closed', data: closing(open, reason, on, null) });
}

type CaseClosed = Extract<CaseEvent, { type: 'case.closed' }>['data'];

const closing = (open: OpenCase, reason: CloseReason, closedOn: string, measurementId: string | null): CaseClosed => ({
  caseId: open.caseId,
  childId: open.childId,
  type: open.type,
  reason,
  closedOn,
  measurementId,
  regencyCode: open.regencyCode,
});
