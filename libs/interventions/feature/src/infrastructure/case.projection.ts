import type { EventEnvelope } from '@registry/contracts';
import type { CaseEvent } from '@registry/interventions-domain';
import type { ClientBase } from 'pg';

export const caseStreamId = (caseId: string): string => `case-${caseId}`;

/** Keeps interventions_cases in step with the case streams, in the append's transaction; rebuildable from them. */
export class CaseProjection {
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
}
