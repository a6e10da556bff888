import {
  agesOutOn,
  casePackage,
  completedMonths,
  daysOpen,
  overdueReasons,
  type InterventionFacts,
} from '@registry/interventions-domain';
import { knownCaseOf, type CaseRecordRow } from '../infrastructure/case-record.row';

/**
 * A case as the TPPS works it, "by name, by address, by problem": the child (by id: names stay in the identity
 * service), where it lives, what it has, what it still lacks, and why it is overdue.
 */
export function caseView(row: CaseRecordRow, interventions: readonly InterventionFacts[], today: string) {
  const theCase = knownCaseOf(row);
  const pack = casePackage({
    case: theCase,
    birthDate: row.birth_date,
    interventions,
    lastMeasuredOn: row.last_measured_on,
    today,
  });
  return {
    id: theCase.caseId,
    childId: theCase.childId,
    type: theCase.type,
    severity: theCase.severity,
    urgent: theCase.urgent,
    status: theCase.status,
    openedOn: theCase.openedOn,
    closedOn: theCase.status === 'closed' ? theCase.closedOn : null,
    closeReason: theCase.status === 'closed' ? theCase.reason : null,
    daysOpen: daysOpen(theCase, today),
    triggeringMeasurementId: theCase.triggeringMeasurementId,
    closingMeasurementId: theCase.status === 'closed' ? theCase.closingMeasurementId : null,
    /** The TPPS following the case, and every regency that did. */
    regencyCode: theCase.regencyCode,
    regencyHistory: theCase.regencyHistory,
    child: {
      villageCode: row.child_village_code,
      districtCode: row.child_district_code,
      ageMonths: completedMonths(row.birth_date, today),
      agesOutOn: agesOutOn(row.birth_date),
      lastMeasuredOn: row.last_measured_on,
    },
    package: pack,
    lacking: pack.items.filter((item) => item.status === 'missing').map((item) => item.type),
    overdue: theCase.status === 'open' ? overdueReasons(theCase, pack, row.last_measured_on, today) : [],
    version: row.stream_version,
  };
}

export type CaseView = ReturnType<typeof caseView>;

/** The list form: the package in counts and what is lacking, without its items. */
export function caseSummary(row: CaseRecordRow, interventions: readonly InterventionFacts[], today: string) {
  const { package: pack, ...view } = caseView(row, interventions, today);
  return { ...view, package: { delivered: pack.delivered, planned: pack.planned, missing: pack.missing } };
}
