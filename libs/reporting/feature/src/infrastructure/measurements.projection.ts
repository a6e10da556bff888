import { Injectable } from '@nestjs/common';
import type { EventEnvelope, JudgedMeasurement, MeasurementEventData } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import type { PoolClient } from 'pg';
import {
  buildPrevalenceCounts,
  maintainPrevalenceCountsOfVersions,
  PREVALENCE_COUNT_TABLES,
} from './prevalence-aggregate';

const VERSION_COLUMNS = `measurement_id, version, child_id, recorded_at, voided, measured_on, age_days, village_code, district_code,
  regency_code, puskesmas_code, oedema, haz, haz_class, haz_flag, whz, whz_class, whz_flag, waz, waz_class, waz_flag`;

/** Recorded and corrected versions, one row per event, as arrays (one per column) for `unnest`. */
const INSERT_VERSIONS_SQL = `
INSERT INTO reporting_measurement_versions (${VERSION_COLUMNS})
SELECT measurement_id, version, child_id, recorded_at, false, measured_on, age_days, village_code, district_code, regency_code,
       puskesmas_code, oedema, haz, haz_class, haz_flag, whz, whz_class, whz_flag, waz, waz_class, waz_flag
  FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::timestamptz[], $5::date[], $6::int[], $7::text[], $8::text[], $9::text[],
              $10::text[], $11::boolean[], $12::numeric[], $13::text[], $14::boolean[], $15::numeric[], $16::text[], $17::boolean[],
              $18::numeric[], $19::text[], $20::boolean[])
    AS v(measurement_id, version, child_id, recorded_at, measured_on, age_days, village_code, district_code, regency_code,
         puskesmas_code, oedema, haz, haz_class, haz_flag, whz, whz_class, whz_flag, waz, waz_class, waz_flag)
ON CONFLICT DO NOTHING`;

/**
 * A void is a version too: the values of the version before it, marked voided. Every version before a void carries
 * the same values (voids copy them), so the one just before is found among those already stored.
 */
const INSERT_VOIDS_SQL = `
INSERT INTO reporting_measurement_versions (${VERSION_COLUMNS})
SELECT p.measurement_id, v.version, p.child_id, v.recorded_at, true, p.measured_on, p.age_days, p.village_code, p.district_code,
       p.regency_code, p.puskesmas_code, p.oedema, p.haz, p.haz_class, p.haz_flag, p.whz, p.whz_class, p.whz_flag, p.waz,
       p.waz_class, p.waz_flag
  FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS v(measurement_id, version, recorded_at)
  CROSS JOIN LATERAL (
    SELECT * FROM reporting_measurement_versions p
     WHERE p.measurement_id = v.measurement_id AND p.version < v.version ORDER BY p.version DESC LIMIT 1) p
ON CONFLICT DO NOTHING`;

const versionRow = (event: EventEnvelope): unknown[] => {
  const m = event.data as JudgedMeasurement;
  return [
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
  ];
};

/** Rows to column arrays, the shape `unnest` takes. */
const columns = (rows: unknown[][], width: number): unknown[][] =>
  Array.from({ length: width }, (_, i) => rows.map((row) => row[i]));

const isVersion = (event: EventEnvelope) =>
  event.type === 'measurement.recorded' || event.type === 'measurement.corrected';

/**
 * Every version of every measurement, stamped with when the registry learned it. Reports pick, for each
 * measurement, the last version recorded by the instant asked for; a void is a version too. The prevalence
 * aggregate moves with the versions, in the same transaction.
 */
@Injectable()
export class ReportingMeasurementsProjection implements Projection {
  readonly name = 'reporting-measurements';
  readonly tables = ['reporting_measurement_versions', ...PREVALENCE_COUNT_TABLES];
  // The rebuild writes versions by their key and reads them back only by it (voids); the aggregate is built after.
  readonly indexesDeferredOnRebuild = [
    'reporting_measurement_versions_child_idx',
    'reporting_measurement_versions_period_idx',
  ];

  handles(type: string): boolean {
    return type.startsWith('measurement.');
  }

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    await this.applyBatch([event], client);
  }

  /**
   * The live consumer's path, also apply()'s with a chunk of one: every version of the chunk in one statement (voids
   * in a second), the touched cells of the aggregate recounted once before and once after.
   */
  async applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const relevant = events.filter((event) => isVersion(event) || event.type === 'measurement.voided');
    if (relevant.length === 0) return;
    const versions = relevant.filter(isVersion).map((event) => event.data as JudgedMeasurement);
    await maintainPrevalenceCountsOfVersions(
      client,
      {
        childIds: versions.map((m) => m.childId),
        measuredOn: versions.map((m) => m.measuredOn),
        measurementIds: [...new Set(relevant.map((event) => (event.data as { measurementId: string }).measurementId))],
      },
      () => this.insertVersions(client, relevant),
    );
  }

  /** The rebuild's path: the same version rows, many events per statement; the aggregate is built once at the end. */
  async applyRebuildBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    await this.insertVersions(client, events);
  }

  async finishRebuild(client: PoolClient): Promise<void> {
    await buildPrevalenceCounts(client);
  }

  private async insertVersions(client: PoolClient, events: readonly EventEnvelope[]): Promise<void> {
    const versions = events.filter(isVersion).map(versionRow);
    if (versions.length > 0) await client.query(INSERT_VERSIONS_SQL, columns(versions, 20));
    const voids = events
      .filter((event) => event.type === 'measurement.voided')
      .map((event) => [
        (event.data as MeasurementEventData<'measurement.voided'>).measurementId,
        event.streamVersion,
        event.recordedAt,
      ]);
    if (voids.length > 0) await client.query(INSERT_VOIDS_SQL, columns(voids, 3));
  }
}
