import { Injectable } from '@nestjs/common';
import type { ChildEventData, EventEnvelope, JudgedMeasurement, MeasurementEventData } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import type { PoolClient } from 'pg';
import { changesResidence, SkdnResidents } from './residents';
import { countIncidenceSql, DROP_EMPTY_INCIDENCE_SQL, INCIDENCE_CELL, UNCOUNT_INCIDENCE_SQL } from './incidence-sql';
import { BALITA_IN_MONTH_SQL, COUNT_COLUMNS, countsOf, CURRENT_OF_ALL, CURRENT_OF_RECORDS, MONTH_OF } from './skdn-sql';

const WEIGHING_COLUMNS = [
  ['measurement_id', 'uuid'],
  ['version', 'int'],
  ['child_id', 'uuid'],
  ['recorded_at', 'timestamptz'],
  ['weighed', 'boolean'],
  ['measured_on', 'date'],
  ['regency_code', 'text'],
  ['district_code', 'text'],
  ['village_code', 'text'],
  ['puskesmas_code', 'text'],
  ['posyandu_code', 'text'],
  ['judgement', 'text'],
  ['consecutive_t', 'int'],
  ['bgm', 'boolean'],
  ['age_days', 'int'],
  ['haz_class', 'text'],
  ['haz_flag', 'boolean'],
  ['whz_class', 'text'],
  ['whz_flag', 'boolean'],
  ['waz_class', 'text'],
  ['waz_flag', 'boolean'],
] as const;

const INSERT_VERSIONS_SQL = `
INSERT INTO reporting_skdn_weighings (${WEIGHING_COLUMNS.map(([name]) => name).join(', ')}, voided)
SELECT *, false FROM unnest(${WEIGHING_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
ON CONFLICT DO NOTHING`;

const versionRow = (event: EventEnvelope): unknown[] => {
  const m = event.data as JudgedMeasurement;
  return [
    m.measurementId,
    event.streamVersion,
    m.childId,
    event.recordedAt,
    m.weightKg !== null,
    m.measuredOn,
    m.regencyCode,
    m.districtCode,
    m.villageCode,
    m.puskesmasCode,
    m.posyanduCode,
    m.weightGain?.judgement ?? null,
    m.weightGain?.consecutiveT ?? 0,
    m.bgm ?? false,
    m.ageDays,
    m.classifications.heightForAge?.code ?? null,
    m.flags.heightForAge,
    m.classifications.weightForHeight?.code ?? null,
    m.flags.weightForHeight,
    m.classifications.weightForAge?.code ?? null,
    m.flags.weightForAge,
  ];
};

/**
 * A void or a re-judgement is a version too: the values of the version before it, voided or judged anew. The version
 * before is found among those stored: a chunk's recorded and corrected versions are stored first.
 */
const COPY_PREVIOUS_SQL = `
INSERT INTO reporting_skdn_weighings (measurement_id, version, child_id, recorded_at, voided, weighed, measured_on,
  regency_code, district_code, village_code, puskesmas_code, posyandu_code, judgement, consecutive_t, bgm, age_days,
  haz_class, haz_flag, whz_class, whz_flag, waz_class, waz_flag)
SELECT p.measurement_id, $2, p.child_id, $3, $4, p.weighed, p.measured_on, p.regency_code, p.district_code,
       p.village_code, p.puskesmas_code, p.posyandu_code, COALESCE($5, p.judgement), COALESCE($6, p.consecutive_t), p.bgm,
       p.age_days, p.haz_class, p.haz_flag, p.whz_class, p.whz_flag, p.waz_class, p.waz_flag
  FROM (SELECT * FROM reporting_skdn_weighings
         WHERE measurement_id = $1 AND version < $2 ORDER BY version DESC LIMIT 1) p
ON CONFLICT DO NOTHING`;

/** The records whose counted weighings must be chosen again: those given and the ones they are merged into now. */
const WITH_SURVIVORS_SQL = `
SELECT t.child_id FROM unnest($1::uuid[]) t(child_id)
UNION
SELECT m.into_child_id FROM reporting_skdn_merges m WHERE m.child_id = ANY($1) AND m.unmerged_at IS NULL`;

/** A cell of the counts: its key. */
const CELL = 'month, regency_code, district_code, village_code, puskesmas_code, posyandu_code';

const countUpsert = (sign: '+' | '-', rows: string) => `
INSERT INTO reporting_skdn_counts AS k (${CELL}, ${COUNT_COLUMNS.join(', ')})
SELECT ${CELL}, ${countsOf(sign)}
  FROM ${rows} r
 GROUP BY ${CELL}
ON CONFLICT (${CELL}) DO UPDATE
   SET ${COUNT_COLUMNS.map((column) => `${column} = k.${column} + excluded.${column}`).join(', ')}`;

/** The records' counted weighings leave the counts; answers the cells they left. */
const UNCOUNT_SQL = `
WITH gone AS (DELETE FROM reporting_skdn_chosen c WHERE c.child_id = ANY($1) RETURNING c.*)
${countUpsert('-', 'gone')}
RETURNING ${CELL}`;

/**
 * Cells left empty go: the counts then hold the same rows however the events were chunked (a rebuild chunks them
 * otherwise than the live consumer).
 */
const DROP_EMPTY_SQL = `
DELETE FROM reporting_skdn_counts
 WHERE (${CELL}) IN (SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]))
   AND weighed = 0`;

/**
 * Each record's counted weighing per month chosen again from the current versions (`current`: CURRENT_OF_RECORDS
 * or CURRENT_OF_ALL) of its own weighings and those of the records merged into it (a merged record counts under the
 * one it was merged into), and counted. The rule is monthlyWeighings' (reporting-domain): latest by date, then by
 * measurement id; balita of the month only (skdnCountsByPlace).
 */
export const countSql = (current: string): string => `
WITH ${current}, chosen AS (
  SELECT DISTINCT ON (real_id, ${MONTH_OF('measured_on')}) real_id, ${MONTH_OF('measured_on')} AS month, measurement_id,
         regency_code, district_code, village_code, puskesmas_code, COALESCE(posyandu_code, '') AS posyandu_code,
         judgement, consecutive_t, bgm
    FROM current
   WHERE weighed AND NOT voided AND ${BALITA_IN_MONTH_SQL}
   ORDER BY real_id, ${MONTH_OF('measured_on')}, measured_on DESC, measurement_id DESC
), added AS (
  INSERT INTO reporting_skdn_chosen (child_id, month, measurement_id, regency_code, district_code, village_code,
    puskesmas_code, posyandu_code, judgement, consecutive_t, bgm)
  SELECT * FROM chosen RETURNING *
)
${countUpsert('+', 'added')}`;

const isVersion = (event: EventEnvelope) =>
  event.type === 'measurement.recorded' || event.type === 'measurement.corrected';

/**
 * SKDN's read model (issue #26): the weighings' versions, for answers `asOf` an instant, and the counts per month
 * and place as the registry knows them now, moved in the transaction that applies the events: the children a chunk
 * touches leave the counts with the weighings they counted with, and come back with the ones chosen now. Its own copy
 * of the merges: another projection's is written by another consumer, at another time.
 */
@Injectable()
export class ReportingSkdnProjection implements Projection {
  readonly name = 'reporting-skdn';
  readonly tables = [
    'reporting_skdn_weighings',
    'reporting_skdn_merges',
    'reporting_skdn_chosen',
    'reporting_skdn_counts',
    'reporting_incidence_at_risk',
    'reporting_incidence_counts',
    'reporting_skdn_residents',
    'reporting_resident_counts',
  ];
  private readonly residents = new SkdnResidents();
  readonly rebuildReads = ['streamVersion', 'recordedAt'] as const;

  handles(type: string): boolean {
    return HANDLED.has(type) || changesResidence(type);
  }

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    await this.applyBatch([event], client);
  }

  async applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    await this.residents.apply(events, client);
    const touched = await this.store(events, client);
    if (touched.length === 0) return;
    // A record merged in this chunk still has counted weighings under its own id: they leave with the survivor's.
    const { rows } = await client.query<{ child_id: string }>(WITH_SURVIVORS_SQL, [touched]);
    const records = rows.map((row) => row.child_id);
    const { rows: left } = await client.query<Record<string, unknown>>(UNCOUNT_SQL, [records]);
    await client.query(countSql(CURRENT_OF_RECORDS), [records]);
    await dropEmpty(client, DROP_EMPTY_SQL, CELL, left);
    const { rows: leftIncidence } = await client.query<Record<string, unknown>>(UNCOUNT_INCIDENCE_SQL, [records]);
    await client.query(countIncidenceSql(CURRENT_OF_RECORDS), [records]);
    await dropEmpty(client, DROP_EMPTY_INCIDENCE_SQL, INCIDENCE_CELL, leftIncidence);
  }

  /** A rebuild stores the versions, merges and residences only: finishRebuild counts once, set-based. */
  async applyRebuildBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    await this.residents.store(events, client);
    await this.store(events, client);
  }

  /** The counted weighings, months at risk, residents and their counts, from every row stored. */
  async finishRebuild(client: PoolClient): Promise<void> {
    await buildSkdnCounts(client);
  }

  /**
   * Writes the events' facts: versions in one statement, then voids, re-judgements, merges and unmerges in order.
   * Answers the records whose counted weighings may have changed.
   */
  private async store(events: readonly EventEnvelope[], client: PoolClient): Promise<string[]> {
    const versions = events.filter(isVersion).map(versionRow);
    if (versions.length > 0)
      await client.query(
        INSERT_VERSIONS_SQL,
        WEIGHING_COLUMNS.map((_, i) => versions.map((row) => row[i])),
      );
    const touched = new Set(events.filter(isVersion).map((event) => (event.data as JudgedMeasurement).childId));
    for (const event of events) for (const childId of await this.storeChange(event, client)) touched.add(childId);
    return [...touched];
  }

  private async storeChange(event: EventEnvelope, client: PoolClient): Promise<readonly string[]> {
    switch (event.type) {
      case 'measurement.voided': {
        const d = event.data as MeasurementEventData<'measurement.voided'>;
        await client.query(COPY_PREVIOUS_SQL, [
          d.measurementId,
          event.streamVersion,
          event.recordedAt,
          true,
          null,
          null,
        ]);
        return [d.childId];
      }
      case 'measurement.weight-gain-rejudged': {
        const d = event.data as MeasurementEventData<'measurement.weight-gain-rejudged'>;
        await client.query(COPY_PREVIOUS_SQL, [
          d.measurementId,
          event.streamVersion,
          event.recordedAt,
          false,
          d.weightGain.judgement,
          d.weightGain.consecutiveT,
        ]);
        return [d.childId];
      }
      case 'child.merged': {
        const d = event.data as ChildEventData<'child.merged'>;
        await client.query(
          `INSERT INTO reporting_skdn_merges (child_id, into_child_id, merged_at) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING`,
          [d.childId, d.intoChildId, event.recordedAt],
        );
        return [d.childId, d.intoChildId];
      }
      case 'child.unmerged': {
        const d = event.data as ChildEventData<'child.unmerged'>;
        await client.query(
          'UPDATE reporting_skdn_merges SET unmerged_at = $2 WHERE child_id = $1 AND unmerged_at IS NULL',
          [d.childId, event.recordedAt],
        );
        return [d.childId, d.fromChildId];
      }
      default:
        return [];
    }
  }
}

/**
 * The counts from the versions and merges stored, into empty tables (a rebuild's finish, a benchmark's load): the
 * statements the live consumer runs per chunk, over every record at once.
 */
export async function buildSkdnCounts(client: PoolClient): Promise<void> {
  await client.query(countSql(CURRENT_OF_ALL));
  await client.query(countIncidenceSql(CURRENT_OF_ALL));
  await new SkdnResidents().build(client);
}

/** Deletes the cells a recount left empty, given as rows keyed by the cell's columns. */
async function dropEmpty(
  client: PoolClient,
  sql: string,
  cell: string,
  cells: readonly Record<string, unknown>[],
): Promise<void> {
  if (cells.length === 0) return;
  await client.query(
    sql,
    cell.split(', ').map((column) => cells.map((row) => row[column])),
  );
}

const HANDLED = new Set([
  'measurement.recorded',
  'measurement.corrected',
  'measurement.voided',
  'measurement.weight-gain-rejudged',
  'child.merged',
  'child.unmerged',
]);
