import { Injectable } from '@nestjs/common';
import type { EventEnvelope, JudgedMeasurement, MeasurementEventData } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import type { PoolClient } from 'pg';

/**
 * Every version of every measurement, stamped with when the registry learned it. Reports pick, for each
 * measurement, the last version recorded by the instant asked for; a void is a version too.
 */
@Injectable()
export class ReportingMeasurementsProjection implements Projection {
  readonly name = 'reporting-measurements';
  readonly tables = ['reporting_measurement_versions'];

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    if (event.type === 'measurement.recorded' || event.type === 'measurement.corrected') {
      const m = event.data as JudgedMeasurement;
      await client.query(
        `INSERT INTO reporting_measurement_versions (measurement_id, version, child_id, recorded_at, voided, measured_on, age_days,
           village_code, district_code, regency_code, puskesmas_code, oedema, haz, haz_class, haz_flag, whz, whz_class, whz_flag,
           waz, waz_class, waz_flag)
         VALUES ($1, $2, $3, $4, false, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
         ON CONFLICT DO NOTHING`,
        [
          m.measurementId,
          event.streamVersion,
          m.childId,
          event.recordedAt,
          m.measuredOn,
          m.ageDays,
          m.villageCode,
          m.districtCode,
          m.regencyCode,
          m.puskesmasCode,
          m.oedema,
          m.zScores.heightForAge,
          m.classifications.heightForAge?.code ?? null,
          m.flags.heightForAge,
          m.zScores.weightForHeight,
          m.classifications.weightForHeight?.code ?? null,
          m.flags.weightForHeight,
          m.zScores.weightForAge,
          m.classifications.weightForAge?.code ?? null,
          m.flags.weightForAge,
        ],
      );
    } else if (event.type === 'measurement.voided') {
      const { measurementId } = event.data as MeasurementEventData<'measurement.voided'>;
      await client.query(
        `INSERT INTO reporting_measurement_versions
         SELECT measurement_id, $2, child_id, $3, true, measured_on, age_days, village_code, district_code, regency_code, puskesmas_code,
                oedema, haz, haz_class, haz_flag, whz, whz_class, whz_flag, waz, waz_class, waz_flag
           FROM reporting_measurement_versions WHERE measurement_id = $1 ORDER BY version DESC LIMIT 1
         ON CONFLICT DO NOTHING`,
        [measurementId, event.streamVersion, event.recordedAt],
      );
    }
  }
}
