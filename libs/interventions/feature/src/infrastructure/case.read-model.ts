import type { EventEnvelope } from '@registry/contracts';
import { evolveCase, initialCase, type CaseEvent, type KnownCase } from '@registry/interventions-domain';
import type { ClientBase } from 'pg';

export const caseStreamId = (caseId: string): string => `case-${caseId}`;

/** Keeps interventions_cases in step with the case streams, in the append's transaction; rebuildable from them. */
export class CaseReadModel {
  readonly tables = ['interventions_cases'] as const;

  async apply(client: ClientBase, envelope: EventEnvelope): Promise<void> {
    const event = { type: envelope.type, data: envelope.data } as CaseEvent;
    switch (event.type) {
      case 'case.opened': {
        const c = event.data;
        await client.query(
          `INSERT INTO interventions_cases (case_id, child_id, type, status, severity, urgent, triggering_measurement_id, opened_on,
             regency_code, district_code, village_code, regency_history, stream_version, updated_at)
           VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $10, ARRAY[$8::text], $11, $12)`,
          [
            c.caseId,
            c.childId,
            c.type,
            c.severity,
            c.urgent,
            c.triggeringMeasurementId,
            c.openedOn,
            c.regencyCode,
            c.districtCode,
            c.villageCode,
            envelope.streamVersion,
            envelope.recordedAt,
          ],
        );
        return;
      }
      case 'case.closed': {
        const { caseId, closedOn, reason, measurementId } = event.data;
        await client.query(
          `UPDATE interventions_cases SET status = 'closed', closed_on = $2, close_reason = $3, closing_measurement_id = $4,
             stream_version = $5, updated_at = $6 WHERE case_id = $1`,
          [caseId, closedOn, reason, measurementId, envelope.streamVersion, envelope.recordedAt],
        );
        return;
      }
      case 'case.transferred': {
        const { caseId, toRegencyCode, toDistrictCode, toVillageCode } = event.data;
        await client.query(
          `UPDATE interventions_cases SET regency_code = $2, district_code = $3, village_code = $4,
             regency_history = CASE WHEN $2::text = ANY(regency_history) THEN regency_history ELSE array_append(regency_history, $2::text) END,
             stream_version = $5, updated_at = $6 WHERE case_id = $1`,
          [caseId, toRegencyCode, toDistrictCode, toVillageCode, envelope.streamVersion, envelope.recordedAt],
        );
        return;
      }
      default: {
        const unknown: never = event;
        throw new Error(`unknown case event ${(unknown as CaseEvent).type}`);
      }
    }
  }

  /**
   * What apply() of each envelope in turn leaves, in at most two statements: each case's row is written once, as
   * its events leave it. `before` holds the cases as they stood before the envelopes; the others are opened by them.
   */
  async applyMany(
    client: ClientBase,
    envelopes: readonly EventEnvelope[],
    before: ReadonlyMap<string, KnownCase>,
  ): Promise<void> {
    const after = new Map<string, { state: KnownCase; streamVersion: number; updatedAt: string }>();
    for (const envelope of envelopes) {
      const event = { type: envelope.type, data: envelope.data } as CaseEvent;
      const { caseId } = event.data;
      const state = evolveCase(after.get(caseId)?.state ?? before.get(caseId) ?? initialCase, event) as KnownCase;
      after.set(caseId, { state, streamVersion: envelope.streamVersion, updatedAt: envelope.recordedAt });
    }
    const rows = [...after.values()].map(({ state, streamVersion, updatedAt }) => ({
      ...state,
      closedOn: state.status === 'closed' ? state.closedOn : null,
      reason: state.status === 'closed' ? state.reason : null,
      closingMeasurementId: state.status === 'closed' ? state.closingMeasurementId : null,
      streamVersion,
      updatedAt,
    }));
    const known = rows.filter((row) => before.has(row.caseId));
    const opened = rows.filter((row) => !before.has(row.caseId));
    // Known cases first: one closed here frees its (child, type) for a case opened after it (one open at a time).
    if (known.length > 0)
      await client.query(
        `UPDATE interventions_cases c SET status = r.status, closed_on = r."closedOn", close_reason = r.reason,
           closing_measurement_id = r."closingMeasurementId", regency_code = r."regencyCode",
           district_code = r."districtCode", village_code = r."villageCode", regency_history = r."regencyHistory",
           stream_version = r."streamVersion", updated_at = r."updatedAt"
           FROM jsonb_to_recordset($1::jsonb) AS r("caseId" uuid, status text, "closedOn" date, reason text,
                "closingMeasurementId" uuid, "regencyCode" text, "districtCode" text, "villageCode" text,
                "regencyHistory" text[], "streamVersion" integer, "updatedAt" timestamptz)
          WHERE c.case_id = r."caseId"`,
        [JSON.stringify(known)],
      );
    if (opened.length > 0)
      await client.query(
        `INSERT INTO interventions_cases (case_id, child_id, type, status, severity, urgent, triggering_measurement_id,
           opened_on, closed_on, close_reason, closing_measurement_id, regency_code, district_code, village_code,
           regency_history, stream_version, updated_at)
         SELECT "caseId", "childId", type, status, severity, urgent, "triggeringMeasurementId", "openedOn", "closedOn",
                reason, "closingMeasurementId", "regencyCode", "districtCode", "villageCode", "regencyHistory",
                "streamVersion", "updatedAt"
           FROM jsonb_to_recordset($1::jsonb) AS r("caseId" uuid, "childId" uuid, type text, status text, severity text,
                urgent boolean, "triggeringMeasurementId" uuid, "openedOn" date, "closedOn" date, reason text,
                "closingMeasurementId" uuid, "regencyCode" text, "districtCode" text, "villageCode" text,
                "regencyHistory" text[], "streamVersion" integer, "updatedAt" timestamptz)`,
        [JSON.stringify(opened)],
      );
  }
}
