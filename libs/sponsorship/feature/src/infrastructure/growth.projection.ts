import { Injectable } from '@nestjs/common';
import {
  assertEventContract,
  type EventEnvelope,
  type MeasurementEventData,
  type WeightGainJudgement,
} from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import type { PoolClient } from 'pg';

type MeasurementEvent =
  | { readonly type: 'measurement.recorded'; readonly data: MeasurementEventData<'measurement.recorded'> }
  | { readonly type: 'measurement.corrected'; readonly data: MeasurementEventData<'measurement.corrected'> }
  | { readonly type: 'measurement.voided'; readonly data: MeasurementEventData<'measurement.voided'> }
  | {
      readonly type: 'measurement.weight-gain-rejudged';
      readonly data: MeasurementEventData<'measurement.weight-gain-rejudged'>;
    };

interface GrowthRow {
  readonly measurementId: string;
  readonly childId: string;
  readonly status: 'recorded' | 'voided';
  readonly measuredOn: string;
  readonly ageDays: number;
  readonly zScores: unknown;
  readonly classifications: unknown;
  readonly flags: unknown;
  /** The posyandu's N/T/O/B (absent on measurements from before intake judged it) and whether it was BGM. */
  readonly weightGain: WeightGainJudgement | null;
  readonly bgm: boolean;
}

/**
 * Each child's growth as the intake service judged it: dates, z-scores, classes, flags and the posyandu's N/T and
 * BGM (followed through rejudgements); never the raw visit.
 */
@Injectable()
export class GrowthProjection implements Projection {
  readonly name = 'growth';
  readonly tables = ['sponsorship_growth'];

  handles(type: string): boolean {
    return type.startsWith('measurement.');
  }

  async apply(envelope: EventEnvelope, client: PoolClient): Promise<void> {
    await this.applyBatch([envelope], client);
  }

  /**
   * A chunk of measurement events folded per measurement in order, then written in three statements: the rows the
   * chunk recorded or corrected (with the status and judgement the chunk left them in), and the voids and the
   * rejudgements of rows recorded before it.
   */
  async applyBatch(envelopes: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const rows = new Map<string, GrowthRow>();
    const voidedEarlier = new Set<string>();
    const rejudgedEarlier = new Map<string, WeightGainJudgement>();
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
            weightGain: event.data.weightGain ?? null,
            bgm: event.data.bgm ?? false,
          });
          voidedEarlier.delete(measurementId);
          rejudgedEarlier.delete(measurementId);
          break;
        }
        case 'measurement.weight-gain-rejudged': {
          const { measurementId, weightGain } = event.data;
          const row = rows.get(measurementId);
          if (row) rows.set(measurementId, { ...row, weightGain });
          else rejudgedEarlier.set(measurementId, weightGain);
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
        `INSERT INTO sponsorship_growth (measurement_id, child_id, status, measured_on, age_days, z_scores, classifications,
                                         flags, weight_gain, bgm)
         SELECT "measurementId", "childId", status, "measuredOn", "ageDays", "zScores", classifications, flags,
                "weightGain", bgm
           FROM json_to_recordset($1::json) AS r("measurementId" uuid, "childId" uuid, status text, "measuredOn" date,
                "ageDays" integer, "zScores" jsonb, classifications jsonb, flags jsonb, "weightGain" jsonb, bgm boolean)
         ON CONFLICT (measurement_id) DO UPDATE SET child_id = EXCLUDED.child_id, status = EXCLUDED.status,
           measured_on = EXCLUDED.measured_on, age_days = EXCLUDED.age_days, z_scores = EXCLUDED.z_scores,
           classifications = EXCLUDED.classifications, flags = EXCLUDED.flags, weight_gain = EXCLUDED.weight_gain,
           bgm = EXCLUDED.bgm`,
        [JSON.stringify([...rows.values()])],
      );
    }
    if (voidedEarlier.size > 0) {
      await client.query(`UPDATE sponsorship_growth SET status = 'voided' WHERE measurement_id = ANY($1::uuid[])`, [
        [...voidedEarlier],
      ]);
    }
    if (rejudgedEarlier.size > 0) {
      await client.query(
        `UPDATE sponsorship_growth g SET weight_gain = r.weight_gain
           FROM jsonb_each($1::jsonb) AS r(measurement_id, weight_gain) WHERE g.measurement_id = r.measurement_id::uuid`,
        [JSON.stringify(Object.fromEntries(rejudgedEarlier))],
      );
    }
  }
}
