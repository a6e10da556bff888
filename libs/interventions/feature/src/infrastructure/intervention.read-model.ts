import type { EventEnvelope } from '@registry/contracts';
import type { InterventionEvent } from '@registry/interventions-domain';
import type { ClientBase } from 'pg';

export const interventionStreamId = (interventionId: string): string => `intervention-${interventionId}`;

/** Keeps interventions_interventions in step with the intervention streams, in the append's transaction. */
export class InterventionReadModel {
  readonly tables = ['interventions_interventions'] as const;

  async apply(client: ClientBase, envelope: EventEnvelope): Promise<void> {
    const event = { type: envelope.type, data: envelope.data } as InterventionEvent;
    switch (event.type) {
      case 'intervention.planned':
      case 'intervention.delivered': {
        const i = event.data;
        const deliveredOn = event.type === 'intervention.delivered' ? event.data.deliveredOn : null;
        await client.query(
          `INSERT INTO interventions_interventions (intervention_id, child_id, case_id, type, category, status, planned_on, delivered_on,
             provider, quantity, unit, funding_source, sponsorship_id, notes, regency_code, stream_version, recorded_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17)
           ON CONFLICT (intervention_id) DO UPDATE SET status = $6, planned_on = $7, delivered_on = $8, quantity = $10,
             notes = $14, stream_version = $16, updated_at = $17`,
          [
            i.interventionId,
            i.childId,
            i.caseId,
            i.type,
            i.category,
            deliveredOn === null ? 'planned' : 'delivered',
            i.plannedOn,
            deliveredOn,
            i.provider,
            i.quantity,
            i.unit,
            i.fundingSource,
            i.sponsorshipId,
            i.notes,
            i.regencyCode,
            envelope.streamVersion,
            envelope.recordedAt,
          ],
        );
        return;
      }
      case 'intervention.cancelled':
        await client.query(
          `UPDATE interventions_interventions SET status = 'cancelled', cancel_reason = $2, stream_version = $3, updated_at = $4
            WHERE intervention_id = $1`,
          [event.data.interventionId, event.data.reason, envelope.streamVersion, envelope.recordedAt],
        );
        return;
      default: {
        const unknown: never = event;
        throw new Error(`unknown intervention event ${(unknown as InterventionEvent).type}`);
      }
    }
  }
}
