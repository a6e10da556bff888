import { Injectable } from '@nestjs/common';
import { assertEventContract, type EventEnvelope, type MeasurementEventData } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import type { PoolClient } from 'pg';

type MeasurementEvent =
  | { readonly type: 'measurement.recorded'; readonly data: MeasurementEventData<'measurement.recorded'> }
  | { readonly type: 'measurement.corrected'; readonly data: MeasurementEventData<'measurement.corrected'> }
  | { readonly type: 'measurement.voided'; readonly data: MeasurementEventData<'measurement.voided'> };

/** Each child's growth as the intake service judged it: dates, z-scores, classes and flags; never the raw visit. */
@Injectable()
export class GrowthProjection implements Projection {
  readonly name = 'growth';
  readonly tables = ['sponsorship_growth'];

  async apply(envelope: EventEnvelope, client: PoolClient): Promise<void> {
    if (!envelope.type.startsWith('measurement.')) return;
    assertEventContract(envelope.type, envelope.data);
    const event = { type: envelope.type, data: envelope.data } as MeasurementEvent;
    switch (event.type) {
      case 'measurement.recorded':
      case 'measurement.corrected': {
        const { measurementId, childId, measuredOn, ageDays, zScores, classifications, flags } = event.data;
        await client.query(
          `INSERT INTO sponsorship_growth (measurement_id, child_id, status, measured_on, age_days, z_scores, classifications, flags)
           VALUES ($1, $2, 'recorded', $3, $4, $5, $6, $7)
           ON CONFLICT (measurement_id) DO UPDATE SET child_id = $2, status = 'recorded', measured_on = $3, age_days = $4,
             z_scores = $5, classifications = $6, flags = $7`,
          [
            measurementId,
            childId,
            measuredOn,
            ageDays,
            JSON.stringify(zScores),
            JSON.stringify(classifications),
            JSON.stringify(flags),
          ],
        );
        return;
      }
      case 'measurement.voided':
        await client.query(`UPDATE sponsorship_growth SET status = 'voided' WHERE measurement_id = $1`, [
          event.data.measurementId,
        ]);
        return;
      default: {
        const unknown: never = event;
        throw new Error(`unknown measurement event ${(unknown as MeasurementEvent).type}`);
      }
    }
  }
}
