import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { JudgedMeasurement } from '@registry/contracts';

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
    const rows: { measurement: JudgedMeasurement; stream_version: number }[] = await this.em.getConnection().execute(
      `SELECT measurement, stream_version FROM intake_measurements
        WHERE status = 'recorded' AND (?::text IS NULL OR regency_code = ?)
          AND EXISTS (SELECT 1 FROM jsonb_each(measurement -> 'flags') AS flag WHERE flag.value = 'true'::jsonb)
        ORDER BY measured_on DESC, measurement_id LIMIT ?`,
      [regencyCode, regencyCode, limit],
    );
    return rows.map((row) => ({ measurement: row.measurement, streamVersion: row.stream_version }));
  }
}
