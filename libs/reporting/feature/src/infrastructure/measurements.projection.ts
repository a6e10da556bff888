import { Injectable } from '@nestjs/common';
import type { EventEnvelope, JudgedMeasurement, MeasurementEventData } from '@registry/contracts';
import { BinaryCopy, type CopyColumn, type CopyValue, type Projection } from '@registry/event-store';
import { PrevalenceCountsBuild, type MeasurementVersionFacts } from '@registry/reporting-domain';
import type { PoolClient } from 'pg';
import { PREVALENCE_COUNT_TABLES, writePrevalenceCounts } from './prevalence-aggregate';
import { maintainPrevalenceCountsOfVersions } from './prevalence-deltas';

const VERSION_TABLE = 'reporting_measurement_versions';
const VERSION_COPY_COLUMNS: readonly CopyColumn[] = [
  ['measurement_id', 'uuid'],
  ['version', 'int4'],
  ['child_id', 'uuid'],
  ['recorded_at', 'timestamptz'],
  ['voided', 'bool'],
  ['measured_on', 'date'],
  ['age_days', 'int4'],
  ['village_code', 'text'],
  ['district_code', 'text'],
  ['regency_code', 'text'],
  ['puskesmas_code', 'text'],
  ['oedema', 'bool'],
  ['haz', 'numeric'],
  ['haz_class', 'text'],
  ['haz_flag', 'bool'],
  ['whz', 'numeric'],
  ['whz_class', 'text'],
  ['whz_flag', 'bool'],
  ['waz', 'numeric'],
  ['waz_class', 'text'],
  ['waz_flag', 'bool'],
  ['posyandu_code', 'text'],
];
const VERSION_COLUMNS = VERSION_COPY_COLUMNS.map(([name]) => name).join(', ');

/** Recorded and corrected versions, one row per event, as arrays (one per column) for `unnest`. */
const INSERT_VERSIONS_SQL = `
INSERT INTO ${VERSION_TABLE} (${VERSION_COLUMNS})
SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::timestamptz[], $5::boolean[], $6::date[], $7::int[], $8::text[],
                     $9::text[], $10::text[], $11::text[], $12::boolean[], $13::numeric[], $14::text[], $15::boolean[],
                     $16::numeric[], $17::text[], $18::boolean[], $19::numeric[], $20::text[], $21::boolean[],
                     $22::text[])
ON CONFLICT DO NOTHING`;

/**
 * A void is a version too: the values of the version before it, marked voided. Every version before a void carries
 * the same values (voids copy them), so the one just before is found among those already stored.
 */
const INSERT_VOIDS_SQL = `
INSERT INTO ${VERSION_TABLE} (${VERSION_COLUMNS})
SELECT p.measurement_id, v.version, p.child_id, v.recorded_at, true, p.measured_on, p.age_days, p.village_code, p.district_code,
       p.regency_code, p.puskesmas_code, p.oedema, p.haz, p.haz_class, p.haz_flag, p.whz, p.whz_class, p.whz_flag, p.waz,
       p.waz_class, p.waz_flag, p.posyandu_code
  FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS v(measurement_id, version, recorded_at)
  CROSS JOIN LATERAL (
    SELECT * FROM reporting_measurement_versions p
     WHERE p.measurement_id = v.measurement_id AND p.version < v.version ORDER BY p.version DESC LIMIT 1) p
ON CONFLICT DO NOTHING`;

/** A recorded or corrected version's row, in VERSION_COPY_COLUMNS' order. */
const versionRow = (event: EventEnvelope): CopyValue[] => {
  const m = event.data as JudgedMeasurement;
  return [
    m.measurementId,
    event.streamVersion,
    m.childId,
    event.recordedAt,
    false,
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
    m.posyanduCode ?? '',
  ];
};

const factsOf = (event: EventEnvelope): MeasurementVersionFacts => {
  const m = event.data as JudgedMeasurement;
  return {
    measurementId: m.measurementId,
    version: event.streamVersion,
    childId: m.childId,
    recordedAt: event.recordedAt,
    measuredOn: m.measuredOn,
    ageDays: m.ageDays,
    regencyCode: m.regencyCode,
    districtCode: m.districtCode,
    villageCode: m.villageCode,
    puskesmasCode: m.puskesmasCode,
    posyanduCode: m.posyanduCode ?? '',
    classes: {
      stunting: m.classifications.heightForAge?.code ?? null,
      wasting: m.classifications.weightForHeight?.code ?? null,
      underweight: m.classifications.weightForAge?.code ?? null,
    },
    flags: { stunting: m.flags.heightForAge, wasting: m.flags.weightForHeight, underweight: m.flags.weightForAge },
  };
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
  // Besides type, schema version, data and position: the rest of each envelope is not parsed on a rebuild.
  readonly rebuildReads = ['streamVersion', 'recordedAt'] as const;
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

  /** What a rebuild in progress holds (one rebuild at a time per instance). */
  private rebuilding: {
    /** The aggregate, built in memory from the events read. */
    readonly build: PrevalenceCountsBuild;
    /** The versions, streamed into their table as the events are read. */
    readonly versions: BinaryCopy;
    /** Voids as (measurement, version, recorded at): written once every version they copy is in. */
    readonly voids: CopyValue[][];
    /** The active merges, read before the counts are written: each child counts under its surviving record. */
    readonly mergedInto: ReadonlyMap<string, string>;
  } | null = null;

  /**
   * Reads the merges (rebuilt before, by the children's projection), then opens one binary COPY of the versions for
   * the whole rebuild: the database stores them while the next events are read and parsed.
   */
  async startRebuild(client: PoolClient): Promise<void> {
    const { rows } = await client.query<{ child_id: string; into_child_id: string }>(
      'SELECT child_id, into_child_id FROM reporting_merges WHERE unmerged_at IS NULL',
    );
    this.rebuilding = {
      build: new PrevalenceCountsBuild(),
      versions: BinaryCopy.start(client, VERSION_TABLE, VERSION_COPY_COLUMNS),
      voids: [],
      mergedInto: new Map(rows.map((row) => [row.child_id, row.into_child_id])),
    };
  }

  /**
   * The rebuild's path: each version into the COPY and into the aggregate in memory, which is written once at the
   * end: sorting every version in the database afterwards took longer than the versions themselves.
   */
  async applyRebuildBatch(events: readonly EventEnvelope[]): Promise<void> {
    const { build, versions, voids } = this.inRebuild('applyRebuildBatch');
    for (const event of events) {
      if (isVersion(event)) {
        versions.add(versionRow(event));
        build.add(factsOf(event));
      } else if (event.type === 'measurement.voided') {
        const { measurementId } = event.data as MeasurementEventData<'measurement.voided'>;
        voids.push([measurementId, event.streamVersion, event.recordedAt]);
        build.void(measurementId, event.streamVersion);
      }
    }
    await versions.ready();
  }

  /** Every version is in: the voids next, which copy the version before them. */
  async endRebuildBatches(client: PoolClient): Promise<void> {
    const { versions, voids } = this.inRebuild('endRebuildBatches');
    await versions.end();
    if (voids.length > 0) await client.query(INSERT_VOIDS_SQL, columns(voids, 3));
  }

  /**
   * Chooses and counts in memory (while the database builds the deferred indexes), then writes the aggregate, each
   * child under the record it is merged into now.
   */
  async finishRebuild(client: PoolClient): Promise<void> {
    const { build, mergedInto } = this.inRebuild('finishRebuild');
    this.rebuilding = null;
    await writePrevalenceCounts(client, build.cells(mergedInto));
  }

  private inRebuild(step: string): NonNullable<ReportingMeasurementsProjection['rebuilding']> {
    if (!this.rebuilding) throw new Error(`${this.name}: ${step} outside a rebuild (startRebuild first)`);
    return this.rebuilding;
  }

  private async insertVersions(client: PoolClient, events: readonly EventEnvelope[]): Promise<void> {
    const versions = events.filter(isVersion).map(versionRow);
    if (versions.length > 0) await client.query(INSERT_VERSIONS_SQL, columns(versions, VERSION_COPY_COLUMNS.length));
    await this.insertVoids(client, events);
  }

  private async insertVoids(client: PoolClient, events: readonly EventEnvelope[]): Promise<void> {
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
