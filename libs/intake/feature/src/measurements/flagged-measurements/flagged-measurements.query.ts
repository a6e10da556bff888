import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { JudgedMeasurement } from '@registry/contracts';
import { FLAGGED_SQL } from '../../infrastructure/flagged-measurements.migration';

export interface FlaggedMeasurement {
  readonly measurement: JudgedMeasurement;
  readonly streamVersion: number;
}

/**
 * The regency's measurements that WHO's plausibility limits flag (a z-score outside the range a real child can
 * have): kept, excluded from prevalence, and listed for a TPPS to have them corrected or voided. Newest first.
 */
@Injectable()
export class FlaggedMeasurementsQuery {
  constructor(private readonly em: EntityManager) {}

  async run(regencyCode: string | null, limit: number): Promise<FlaggedMeasurement[]> {
    // Each caller's own statement, so the planner matches the partial index (intake_measurements_flagged_idx).
    const rows: { measurement: JudgedMeasurement; stream_version: number }[] = await this.em.getConnection().execute(
      `SELECT measurement, stream_version FROM intake_measurements
        WHERE status = 'recorded' AND ${FLAGGED_SQL} ${regencyCode === null ? '' : 'AND regency_code = ?'}
        ORDER BY measured_on DESC, measurement_id LIMIT ?`,
      regencyCode === null ? [limit] : [regencyCode, limit],
    );
    return rows.map((row) => ({ measurement: row.measurement, streamVersion: row.stream_version }));
  }
}
