import type { CaseSeverity, CaseType, CloseReason, KnownCase } from '@registry/interventions-domain';

/** A row of interventions_cases with what the case views need of its child. */
export interface CaseRecordRow {
  readonly case_id: string;
  readonly child_id: string;
  readonly type: CaseType;
  readonly status: 'open' | 'closed';
  readonly severity: CaseSeverity;
  readonly urgent: boolean;
  readonly triggering_measurement_id: string;
  readonly opened_on: string;
  readonly closed_on: string | null;
  readonly close_reason: CloseReason | null;
  readonly closing_measurement_id: string | null;
  readonly regency_code: string;
  readonly district_code: string;
  readonly village_code: string;
  readonly regency_history: string[];
  readonly stream_version: number;
  readonly birth_date: string;
  readonly child_village_code: string;
  readonly child_district_code: string;
  readonly last_measured_on: string | null;
}

/** Select list over `interventions_cases c JOIN interventions_children ch USING (child_id)`; dates as YYYY-MM-DD. */
export const CASE_RECORD_COLUMNS = `c.case_id, c.child_id, c.type, c.status, c.severity, c.urgent, c.triggering_measurement_id,
  to_char(c.opened_on, 'YYYY-MM-DD') AS opened_on, to_char(c.closed_on, 'YYYY-MM-DD') AS closed_on, c.close_reason,
  c.closing_measurement_id, c.regency_code, c.district_code, c.village_code, c.regency_history, c.stream_version,
  to_char(ch.birth_date, 'YYYY-MM-DD') AS birth_date, ch.village_code AS child_village_code,
  ch.district_code AS child_district_code, to_char(ch.last_measured_on, 'YYYY-MM-DD') AS last_measured_on`;

export function knownCaseOf(row: CaseRecordRow): KnownCase {
  const fields = {
    caseId: row.case_id,
    childId: row.child_id,
    type: row.type,
    severity: row.severity,
    urgent: row.urgent,
    triggeringMeasurementId: row.triggering_measurement_id,
    openedOn: row.opened_on,
    regencyCode: row.regency_code,
    districtCode: row.district_code,
    villageCode: row.village_code,
    regencyHistory: row.regency_history,
  };
  if (row.status === 'open') return { ...fields, status: 'open' };
  if (row.closed_on === null || row.close_reason === null) throw new Error(`closed case ${row.case_id} has no closing`);
  return {
    ...fields,
    status: 'closed',
    closedOn: row.closed_on,
    reason: row.close_reason,
    closingMeasurementId: row.closing_measurement_id,
  };
}
