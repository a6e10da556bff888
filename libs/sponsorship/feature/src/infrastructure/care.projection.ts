import { Injectable } from '@nestjs/common';
import {
  assertEventContract,
  type EventEnvelope,
  type InterventionEventData,
  type InterventionEventType,
} from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import type { PoolClient } from 'pg';

type InterventionEvent = {
  [T in InterventionEventType]: { readonly type: T; readonly data: InterventionEventData<T> };
}[InterventionEventType];

/**
 * Cases and delivered interventions, from the intervention tracking service's events: which children still need a
 * sponsor (open stunting cases), and what a sponsor's child received. Contracts are checked on arrival, so an event
 * that does not match is dead-lettered instead of half-applied.
 */
@Injectable()
export class CareProjection implements Projection {
  readonly name = 'care';
  readonly tables = ['sponsorship_cases', 'sponsorship_interventions'];

  handles(type: string): boolean {
    return type.startsWith('case.') || type.startsWith('intervention.');
  }

  async apply(envelope: EventEnvelope, client: PoolClient): Promise<void> {
    if (!envelope.type.startsWith('case.') && !envelope.type.startsWith('intervention.')) return;
    assertEventContract(envelope.type, envelope.data);
    const event = { type: envelope.type, data: envelope.data } as InterventionEvent;
    switch (event.type) {
      case 'case.opened': {
        const { caseId, childId, type, severity, openedOn, regencyCode, districtCode, villageCode } = event.data;
        await client.query(
          `INSERT INTO sponsorship_cases (case_id, child_id, type, severity, status, opened_on, regency_code, district_code, village_code)
           VALUES ($1, $2, $3, $4, 'open', $5, $6, $7, $8) ON CONFLICT (case_id) DO NOTHING`,
          [caseId, childId, type, severity, openedOn, regencyCode, districtCode, villageCode],
        );
        return;
      }
      case 'case.closed':
        await client.query(
          `UPDATE sponsorship_cases SET status = 'closed', closed_on = $2, close_reason = $3 WHERE case_id = $1`,
          [event.data.caseId, event.data.closedOn, event.data.reason],
        );
        return;
      case 'case.transferred': {
        const { caseId, toRegencyCode, toDistrictCode, toVillageCode } = event.data;
        await client.query(
          'UPDATE sponsorship_cases SET regency_code = $2, district_code = $3, village_code = $4 WHERE case_id = $1',
          [caseId, toRegencyCode, toDistrictCode, toVillageCode],
        );
        return;
      }
      case 'intervention.planned':
        // Only what was delivered is shown to sponsors.
        return;
      case 'intervention.delivered': {
        const { interventionId, childId, type, category, deliveredOn } = event.data;
        await client.query(
          `INSERT INTO sponsorship_interventions (intervention_id, child_id, type, category, status, delivered_on)
           VALUES ($1, $2, $3, $4, 'delivered', $5)
           ON CONFLICT (intervention_id) DO UPDATE SET child_id = $2, type = $3, category = $4, status = 'delivered', delivered_on = $5`,
          [interventionId, childId, type, category, deliveredOn],
        );
        return;
      }
      case 'intervention.cancelled':
        await client.query(`UPDATE sponsorship_interventions SET status = 'cancelled' WHERE intervention_id = $1`, [
          event.data.interventionId,
        ]);
        return;
      default: {
        const unknown: never = event;
        throw new Error(`unknown intervention event ${(unknown as InterventionEvent).type}`);
      }
    }
  }
}
