import { Injectable } from '@nestjs/common';
import { assertEventContract, type EventEnvelope, type MeasurementEventData } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import type { PoolClient } from 'pg';

type MeasurementEvent =
  | { readonly type: 'measurement.recorded'; readonly data: MeasurementEventData<'measurement.recorded'> }
  | { readonly type: 'measurement.corrected'; readonly data: MeasurementEventData<'measurement.corrected'> }
  | { readonly type: 'measurement.voided'; readonly data: MeasurementEventData<'measurement.voided'> };

interface GrowthRow {
  readonly measurementId: string;
  readonly childId: string;
  readonly status: 'recorded' | 'voided';
  readonly measuredOn: string;
  readonly ageDays: number;
  readonly zScores: unknown;
  readonly classifications: unknown;
  readonly flags: unknown;
}

/** Each child's growth as the intake service judged it: dates, z-scores, classes and flags; never the raw visit. */
@Injectable()
export class GrowthProjection implements Projection {
  readonly name = 'growth';
  readonly tables = ['sponsorship_growth'];

  handles(type: string): boolean {
    // The posyandu's weight-gain judgement is not shown in the portal (yet): its rejudgements change nothing here.
    return type.startsWith('measurement.') && type !== 'measurement.weight-gain-rejudged';
  }

  async apply(envelope: EventEnvelope, client: PoolClient): Promise<void> {
    await this.applyBatch([envelope], client);
  }

  /**
   * A chunk of measurement events folded per measurement in order, then written in two statements: the rows the
   * chunk recorded or corrected (with the status the chunk left them in), and voids of rows recorded before it.
   */
  async applyBatch(envelopes: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const rows = new Map<string, GrowthRow>();
    const voidedEarlier = new Set<string>();
    for (const envelope of envelopes) {
      if (!this.handles(envelope.type)) continue;
      assertEventContract(envelope.type, envelope.data);
      const event = { type: envelope.type, data: envelope.data } as MeasurementEvent;
      switch (event.type) {
        case 'measurement.recorded':
        case 'measurement.corrected': {
          const { measurementId, childId, measuredOn, ageDays, zScores, classifications, flags } = event.data;
          rows.set(measurementId, {
            measurementId,
            childId,
            status: 'recorded',
            measuredOn,
            ageDays,
            zScores,
            classifications,
            flags,
          });
          voidedEarlier.delete(measurementId);
          break;
        }
        case 'measurement.voided': {
          const row = rows.get(event.data.measurementId);
          if (row) rows.set(row.measurementId, { ...row, status: 'voided' });
          else voidedEarlier.add(event.data.measurementId);
          break;
        }
        default: {
          const unknown: never = event;
          throw new Error(`unknown measurement event ${(unknown as MeasurementEvent).type}`);
        }
      }
    }
    if (rows.size > 0) {
      await client.query(
        `INSERT INTO sponsorship_growth (measurement_id, child_id, status, measured_on, age_days, z_scores, classifications, flags)
         SELECT "measurementId", "childId", status, "measuredOn", "ageDays", "zScores", classifications, flags
           FROM json_to_recordset($1::json) AS r("measurementId" uuid, "childId" uuid, status text, "measuredOn" date,
                "ageDays" integer, "zScores" jsonb, classifications jsonb, flags jsonb)
         ON CONFLICT (measurement_id) DO UPDATE SET child_id = EXCLUDED.child_id, status = EXCLUDED.status,
           measured_on = EXCLUDED.measured_on, age_days = EXCLUDED.age_days, z_scores = EXCLUDED.z_scores,
           classifications = EXCLUDED.classifications, flags = EXCLUDED.flags`,
        [JSON.stringify([...rows.values()])],
      );
    }
    if (voidedEarlier.size > 0) {
      await client.query(`UPDATE sponsorship_growth SET status = 'voided' WHERE measurement_id = ANY($1::uuid[])`, [
        [...voidedEarlier],
      ]);
    }
  }
}
