import type { EventEnvelope, JudgedMeasurement } from '@registry/contracts';
import type { MeasurementEvent, StoredHistory, StoredWeighing } from '@registry/intake-domain';
import type { ClientBase } from 'pg';

export const measurementStreamId = (measurementId: string): string => `measurement-${measurementId}`;

/** Keeps intake_measurements in step with the measurement streams, in the append's transaction; rebuildable. */
export class MeasurementReadModel {
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

const WEIGHING_COLUMNS = `measurement_id AS "measurementId", child_id AS "childId", regency_code AS "regencyCode",
  stream_version AS "streamVersion", measured_on::text AS "measuredOn", (measurement->>'weightKg')::float8 AS "weightKg",
  measurement->'weightGain' AS "weightGain"`;

/**
 * What the weight-gain judgement of each child is made on, read in the caller's transaction after it locked the
 * children: its recorded measurements (and those of the records merged into it) from the day `since` on, and the
 * latest weighing before. Two index scans per record, whatever its history; OFFSET 0 keeps the planner from turning
 * them into joins: without statistics (autovacuum is off on this machine kind) a join read the whole table.
 */
export async function storedWeighings(
  client: ClientBase,
  children: ReadonlyArray<{ readonly childId: string; readonly since: string }>,
): Promise<Map<string, StoredHistory>> {
  const records = children.map(({ childId, since }) => ({ root: childId, childId, since }));
  // Merged records, a level at a time (as resolveChildren follows them, at most five deep); usually none.
  for (let level = records, hops = 0; level.length > 0 && hops < 5; hops += 1) {
    const { rows } = await client.query<{ child_id: string; merged_into: string }>(
      'SELECT child_id, merged_into FROM intake_known_children WHERE merged_into = ANY($1::uuid[])',
      [level.map((record) => record.childId)],
    );
    const parents = new Map(level.map((record) => [record.childId, record]));
    level = rows.map((row) => ({ ...parents.get(row.merged_into)!, childId: row.child_id }));
    records.push(...level);
  }
  // Estimated from a table without statistics, two index scans per child look costly enough to JIT-compile (0.5 s).
  await client.query('SET LOCAL jit = off');
  const { rows } = await client.query<StoredWeighing & { root: string; earlier: boolean }>(
    `SELECT r.root, false AS earlier, m.* FROM unnest($1::uuid[], $2::uuid[], $3::date[]) AS r(root, child_id, since)
      CROSS JOIN LATERAL (SELECT ${WEIGHING_COLUMNS} FROM intake_measurements
        WHERE child_id = r.child_id AND status = 'recorded' AND measured_on >= r.since OFFSET 0) m
     UNION ALL
     SELECT r.root, true, e.* FROM unnest($1::uuid[], $2::uuid[], $3::date[]) AS r(root, child_id, since)
      CROSS JOIN LATERAL (SELECT ${WEIGHING_COLUMNS} FROM intake_measurements
        WHERE child_id = r.child_id AND status = 'recorded' AND measured_on < r.since AND measurement->>'weightKg' IS NOT NULL
        ORDER BY measured_on DESC, measurement_id DESC LIMIT 1) e`,
    [records.map((r) => r.root), records.map((r) => r.childId), records.map((r) => r.since)],
  );
  const byChild = new Map<string, { recent: StoredWeighing[]; earlier: StoredHistory['earlier'] }>(
    children.map(({ childId }) => [childId, { recent: [], earlier: null }]),
  );
  for (const { root, earlier, ...weighing } of rows) {
    const history = byChild.get(root)!;
    if (!earlier) history.recent.push(weighing);
    else if (!history.earlier || laterThan(weighing, history.earlier))
      history.earlier = weighing as StoredWeighing & { weightKg: number };
  }
  return byChild;
}

const laterThan = (a: StoredWeighing, b: StoredWeighing): boolean =>
  a.measuredOn > b.measuredOn || (a.measuredOn === b.measuredOn && a.measurementId > b.measurementId);
