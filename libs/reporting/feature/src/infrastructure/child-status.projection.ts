import { Injectable } from '@nestjs/common';
import type { ChildEventData, EventEnvelope, JudgedMeasurement, MeasurementEventData } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import type { PoolClient } from 'pg';

/** A recorded or corrected version is the whole row of its measurement, in these columns. */
const MEASUREMENT_COLUMNS = [
  ['measurement_id', 'uuid'],
  ['child_id', 'uuid'],
  ['version', 'int'],
  ['measured_on', 'date'],
  ['recorded_at', 'timestamptz'],
  ['posyandu_code', 'text'],
  ['haz', 'numeric'],
  ['haz_class', 'text'],
  ['whz', 'numeric'],
  ['whz_class', 'text'],
  ['valid', 'boolean'],
  ['weighed', 'boolean'],
  ['consecutive_t', 'int'],
  ['bgm', 'boolean'],
] as const;

const UPSERT_SQL = `
INSERT INTO reporting_status_measurements AS s (${MEASUREMENT_COLUMNS.map(([name]) => name).join(', ')}, voided)
SELECT *, false FROM unnest(${MEASUREMENT_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
ON CONFLICT (measurement_id) DO UPDATE SET ${MEASUREMENT_COLUMNS.slice(1)
  .map(([name]) => `${name} = excluded.${name}`)
  .join(', ')}, voided = false
 WHERE excluded.version > s.version`;

const measurementRow = (event: EventEnvelope): unknown[] => {
  const m = event.data as JudgedMeasurement;
  const hazClass = m.classifications.heightForAge?.code ?? null;
  const whzClass = m.classifications.weightForHeight?.code ?? null;
  return [
    m.measurementId,
    m.childId,
    event.streamVersion,
    m.measuredOn,
    event.recordedAt,
    m.posyanduCode,
    m.zScores.heightForAge,
    hazClass,
    m.zScores.weightForHeight,
    whzClass,
    // The prevalence rule: a measurement counts when neither z-score is flagged and one of them classifies.
    !m.flags.heightForAge && !m.flags.weightForHeight && (hazClass !== null || whzClass !== null),
    m.weightKg !== null,
    m.weightGain?.consecutiveT ?? 0,
    m.bgm ?? false,
  ];
};

/**
 * Each child's row from its current measurements and those of the records merged into it: the newest valid
 * measurement (for stunting and wasting), the newest weighing (for 2T and BGM) and the newest posyandu. A record
 * merged into another has no row of its own. `target` selects the children (column child_id). The measurement id
 * (UUIDv7) breaks ties: a batch records several in one millisecond, and a rebuild must choose as the live one did.
 */
const statusSql = (target: string) => `
WITH target AS (
  SELECT t.child_id FROM (${target}) t
   WHERE NOT EXISTS (SELECT 1 FROM reporting_status_merges m WHERE m.child_id = t.child_id)
), members AS (
  SELECT child_id AS real_id, child_id FROM target
  UNION ALL
  SELECT m.into_child_id, m.child_id FROM reporting_status_merges m JOIN target t ON m.into_child_id = t.child_id
), current AS (
  SELECT mb.real_id, s.* FROM members mb JOIN reporting_status_measurements s ON s.child_id = mb.child_id AND NOT s.voided
), anthro AS (
  SELECT DISTINCT ON (real_id) * FROM current WHERE valid ORDER BY real_id, measured_on DESC, recorded_at DESC, measurement_id DESC
), weighing AS (
  SELECT DISTINCT ON (real_id) * FROM current WHERE weighed ORDER BY real_id, measured_on DESC, recorded_at DESC, measurement_id DESC
), latest AS (
  SELECT DISTINCT ON (real_id) real_id, posyandu_code FROM current ORDER BY real_id, measured_on DESC, recorded_at DESC, measurement_id DESC
), removed AS (
  DELETE FROM reporting_child_status r USING (${target}) t
   WHERE r.child_id = t.child_id AND NOT EXISTS (SELECT 1 FROM latest l WHERE l.real_id = r.child_id)
)
INSERT INTO reporting_child_status AS r (child_id, birth_date, regency_code, district_code, village_code, alive,
  measurement_id, measured_on, haz, haz_class, whz, whz_class, last_weighed_on, consecutive_t, bgm, posyandu_code)
SELECT l.real_id, c.birth_date, c.regency_code, c.district_code, c.village_code, COALESCE(c.alive, true),
       a.measurement_id, a.measured_on, a.haz, a.haz_class, a.whz, a.whz_class, w.measured_on,
       COALESCE(w.consecutive_t, 0), COALESCE(w.bgm, false), l.posyandu_code
  FROM latest l LEFT JOIN anthro a USING (real_id) LEFT JOIN weighing w USING (real_id)
  LEFT JOIN reporting_status_children c ON c.child_id = l.real_id
ON CONFLICT (child_id) DO UPDATE SET birth_date = excluded.birth_date, regency_code = excluded.regency_code,
  district_code = excluded.district_code, village_code = excluded.village_code, alive = excluded.alive,
  measurement_id = excluded.measurement_id, measured_on = excluded.measured_on,
  haz = excluded.haz, haz_class = excluded.haz_class, whz = excluded.whz, whz_class = excluded.whz_class,
  last_weighed_on = excluded.last_weighed_on, consecutive_t = excluded.consecutive_t, bgm = excluded.bgm,
  posyandu_code = excluded.posyandu_code`;

const STATUS_OF_SQL = statusSql('SELECT unnest($1::uuid[]) AS child_id');
const STATUS_OF_ALL_SQL = statusSql(
  'SELECT DISTINCT child_id FROM reporting_status_measurements UNION SELECT into_child_id FROM reporting_status_merges',
);

const INSERT_CHILDREN_SQL = `
INSERT INTO reporting_status_children (child_id, birth_date, regency_code, district_code, village_code, alive)
SELECT *, true FROM unnest($1::uuid[], $2::date[], $3::text[], $4::text[], $5::text[])
ON CONFLICT (child_id) DO NOTHING`;

/** A change of residence, birth date or life copied into the children's rows, if they have one yet. */
const COPY_RESIDENCE_SQL = `
UPDATE reporting_child_status r SET birth_date = c.birth_date, regency_code = c.regency_code,
       district_code = c.district_code, village_code = c.village_code, alive = c.alive
  FROM reporting_status_children c WHERE c.child_id = r.child_id AND c.child_id = ANY($1::uuid[])`;

const isVersion = (event: EventEnvelope) =>
  event.type === 'measurement.recorded' || event.type === 'measurement.corrected';

/**
 * What the by-name list reads of each child now (issue #27): one row per child, kept as measurements, their
 * corrections, voids and re-judgements, merges, moves and deaths arrive. Its own copy of the merges and residences:
 * another projection's would be written by another consumer, at another time.
 */
@Injectable()
export class ReportingChildStatusProjection implements Projection {
  readonly name = 'reporting-child-status';
  readonly tables = [
    'reporting_status_measurements',
    'reporting_status_merges',
    'reporting_status_children',
    'reporting_child_status',
  ];
  readonly rebuildReads = ['streamVersion', 'recordedAt'] as const;

  handles(type: string): boolean {
    return HANDLED.has(type);
  }

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    await this.applyBatch([event], client);
  }

  async applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const moved = await this.storeChildren(events, client);
    if (moved.length > 0) await client.query(COPY_RESIDENCE_SQL, [moved]);
    const touched = await this.store(events, client);
    if (touched.length === 0) return;
    const { rows } = await client.query<{ child_id: string }>(
      `SELECT COALESCE(m.into_child_id, t.child_id) AS child_id FROM unnest($1::uuid[]) t(child_id)
         LEFT JOIN reporting_status_merges m USING (child_id)`,
      [touched],
    );
    await client.query(STATUS_OF_SQL, [[...new Set([...touched, ...rows.map((row) => row.child_id)])]]);
  }

  /** The rows of measurements and merges only: finishRebuild writes every child's row once. */
  async applyRebuildBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    await this.storeChildren(events, client);
    await this.store(events, client);
  }

  /**
   * Registrations in one statement, then relocations, corrections of the birth date and deaths in order. Answers
   * the children whose residence, birth date or life changed.
   */
  private async storeChildren(events: readonly EventEnvelope[], client: PoolClient): Promise<string[]> {
    const registrations = events
      .filter((event) => event.type === 'child.registered')
      .map((event) => event.data as ChildEventData<'child.registered'>);
    if (registrations.length > 0)
      await client.query(INSERT_CHILDREN_SQL, [
        registrations.map((d) => d.childId),
        registrations.map((d) => d.birthDate),
        registrations.map((d) => d.regencyCode),
        registrations.map((d) => d.districtCode),
        registrations.map((d) => d.villageCode),
      ]);
    const changed = registrations.map((d) => d.childId);
    for (const event of events) {
      if (event.type === 'child.relocated') {
        const d = event.data as ChildEventData<'child.relocated'>;
        await client.query(
          `UPDATE reporting_status_children SET regency_code = $2, district_code = $3, village_code = $4 WHERE child_id = $1`,
          [d.childId, d.toRegencyCode, d.toDistrictCode, d.toVillageCode],
        );
        changed.push(d.childId);
      } else if (event.type === 'child.corrected') {
        const d = event.data as ChildEventData<'child.corrected'>;
        await client.query('UPDATE reporting_status_children SET birth_date = $2 WHERE child_id = $1', [
          d.childId,
          d.birthDate,
        ]);
        changed.push(d.childId);
      } else if (event.type === 'child.died') {
        const d = event.data as ChildEventData<'child.died'>;
        await client.query('UPDATE reporting_status_children SET alive = false WHERE child_id = $1', [d.childId]);
        changed.push(d.childId);
      }
    }
    return changed;
  }

  async finishRebuild(client: PoolClient): Promise<void> {
    await client.query(STATUS_OF_ALL_SQL);
  }

  /**
   * Writes the events' facts: versions in one statement (the last of each measurement in the chunk), then voids,
   * re-judgements and merges in order. Answers the children whose rows may have changed.
   */
  private async store(events: readonly EventEnvelope[], client: PoolClient): Promise<string[]> {
    const lastVersions = new Map<string, unknown[]>();
    for (const event of events.filter(isVersion))
      lastVersions.set((event.data as JudgedMeasurement).measurementId, measurementRow(event));
    if (lastVersions.size > 0) {
      const rows = [...lastVersions.values()];
      await client.query(
        UPSERT_SQL,
        MEASUREMENT_COLUMNS.map((_, i) => rows.map((row) => row[i])),
      );
    }
    const touched = new Set(events.filter(isVersion).map((event) => (event.data as JudgedMeasurement).childId));
    for (const event of events) {
      const child = await this.storeChange(event, client);
      for (const childId of child) touched.add(childId);
    }
    return [...touched];
  }

  private async storeChange(event: EventEnvelope, client: PoolClient): Promise<readonly string[]> {
    switch (event.type) {
      case 'measurement.voided': {
        const d = event.data as MeasurementEventData<'measurement.voided'>;
        await client.query(
          'UPDATE reporting_status_measurements SET voided = true, version = $2 WHERE measurement_id = $1 AND version < $2',
          [d.measurementId, event.streamVersion],
        );
        return [d.childId];
      }
      case 'measurement.weight-gain-rejudged': {
        const d = event.data as MeasurementEventData<'measurement.weight-gain-rejudged'>;
        await client.query(
          `UPDATE reporting_status_measurements SET consecutive_t = $3, version = $2
            WHERE measurement_id = $1 AND version < $2`,
          [d.measurementId, event.streamVersion, d.weightGain.consecutiveT],
        );
        return [d.childId];
      }
      case 'child.merged': {
        const d = event.data as ChildEventData<'child.merged'>;
        await client.query(
          `INSERT INTO reporting_status_merges (child_id, into_child_id) VALUES ($1, $2)
           ON CONFLICT (child_id) DO UPDATE SET into_child_id = excluded.into_child_id`,
          [d.childId, d.intoChildId],
        );
        return [d.childId, d.intoChildId];
      }
      case 'child.unmerged': {
        const d = event.data as ChildEventData<'child.unmerged'>;
        await client.query('DELETE FROM reporting_status_merges WHERE child_id = $1', [d.childId]);
        return [d.childId, d.fromChildId];
      }
      default:
        return [];
    }
  }
}

const HANDLED = new Set([
  'child.registered',
  'child.corrected',
  'child.relocated',
  'child.died',
  'measurement.recorded',
  'measurement.corrected',
  'measurement.voided',
  'measurement.weight-gain-rejudged',
  'child.merged',
  'child.unmerged',
]);
