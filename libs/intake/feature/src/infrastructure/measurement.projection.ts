import type { EventEnvelope, JudgedMeasurement } from '@registry/contracts';
import type { MeasurementEvent } from '@registry/intake-domain';
import type { ClientBase } from 'pg';

export const measurementStreamId = (measurementId: string): string => `measurement-${measurementId}`;

/** Keeps intake_measurements in step with the measurement streams, in the append's transaction; rebuildable. */
export class MeasurementProjection {
  readonly tables = ['intake_measurements'] as const;

  async apply(client: ClientBase, envelope: EventEnvelope): Promise<void> {
    const event = { type: envelope.type, data: envelope.data } as MeasurementEvent;
    switch (event.type) {
      case 'measurement.recorded':
      case 'measurement.corrected': {
        const {
          sourceRecordId: _source,
          reason: _reason,
          ...measurement
        } = event.data as JudgedMeasurement & { sourceRecordId?: unknown; reason?: unknown };
        await client.query(
          `INSERT INTO intake_measurements (measurement_id, child_id, stream_version, status, measured_on, regency_code, measurement, recorded_at, updated_at)
           VALUES ($1, $2, $3, 'recorded', $4, $5, $6, $7, $7)
           ON CONFLICT (measurement_id) DO UPDATE SET child_id = $2, stream_version = $3, status = 'recorded', measured_on = $4,
             regency_code = $5, measurement = $6, updated_at = $7`,
          [
            measurement.measurementId,
            measurement.childId,
            envelope.streamVersion,
            measurement.measuredOn,
            measurement.regencyCode,
            JSON.stringify(measurement),
            envelope.recordedAt,
          ],
        );
        return;
      }
      case 'measurement.voided':
        await client.query(
          `UPDATE intake_measurements SET status = 'voided', stream_version = $2, updated_at = $3 WHERE measurement_id = $1`,
          [event.data.measurementId, envelope.streamVersion, envelope.recordedAt],
        );
        return;
      case 'measurement.weight-gain-rejudged':
        await client.query(
          `UPDATE intake_measurements SET measurement = jsonb_set(measurement, '{weightGain}', $2::jsonb),
             stream_version = $3, updated_at = $4 WHERE measurement_id = $1`,
          [
            event.data.measurementId,
            JSON.stringify(event.data.weightGain),
            envelope.streamVersion,
            envelope.recordedAt,
          ],
        );
        return;
      default: {
        const unknown: never = event;
        throw new Error(`unknown measurement event ${(unknown as MeasurementEvent).type}`);
      }
    }
  }

  /** Bulk intake: the first events of many new measurement streams in one statement. */
  async applyRecorded(client: ClientBase, envelopes: readonly EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    const rows = envelopes.map((envelope) => {
      const { sourceRecordId: _source, ...measurement } = envelope.data as JudgedMeasurement & {
        sourceRecordId?: unknown;
      };
      return {
        measurement_id: measurement.measurementId,
        child_id: measurement.childId,
        stream_version: envelope.streamVersion,
        measured_on: measurement.measuredOn,
        regency_code: measurement.regencyCode,
        measurement,
        recorded_at: envelope.recordedAt,
      };
    });
    await client.query(
      `INSERT INTO intake_measurements (measurement_id, child_id, stream_version, status, measured_on, regency_code, measurement, recorded_at, updated_at)
       SELECT measurement_id, child_id, stream_version, 'recorded', measured_on, regency_code, measurement, recorded_at, recorded_at
         FROM jsonb_to_recordset($1::jsonb) AS r(measurement_id uuid, child_id uuid, stream_version integer, measured_on date,
              regency_code text, measurement jsonb, recorded_at timestamptz)`,
      [JSON.stringify(rows)],
    );
  }
}
