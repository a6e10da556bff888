import {
  ageGroupNumber,
  classNumber,
  COUNT_SLOTS,
  countDeltas,
  countSlot,
  indicatorNumber,
  periodNumber,
  type AgeGroup,
  type ChosenMeasurement,
  type IndicatorName,
} from '@registry/reporting-domain';
import type { PoolClient } from 'pg';
import { AGGREGATE_LOCK, REGENCY_COLUMNS, ROW_KEY } from './prevalence-aggregate';
import { chosenMeasurementsSql, periodsOf } from './prevalence-choice';

/**
 * The prevalence aggregate's incremental deltas: whenever measurement versions or merges change, the affected
 * children's chosen measurements are computed before and after the change, by the same choice as the full build
 * (prevalence-choice.ts), and the counts move by the difference, in the transaction that applies the event.
 */

/**
 * The latest version of each measurement of the records in $2: index lookups, whatever the table's size. Each record
 * is looked up on its own (LATERAL, OFFSET 0 so the planner keeps it so): given hundreds of records at once (a
 * chunk), it would otherwise hash-join them with a scan of every version.
 */
const LATEST_OF_RECORDS = `SELECT l.*
    FROM (SELECT DISTINCT r.measurement_id
            FROM unnest($2::uuid[]) AS records(child_id)
           CROSS JOIN LATERAL (
             SELECT measurement_id FROM reporting_measurement_versions v WHERE v.child_id = records.child_id OFFSET 0) r) ids
   CROSS JOIN LATERAL (
     SELECT * FROM reporting_measurement_versions v
      WHERE v.measurement_id = ids.measurement_id ORDER BY v.version DESC LIMIT 1) l`;

/**
 * Each version's record's active merge, if any, by an index lookup per version, for a few thousand versions: joined
 * as the full build joins them, the planner may build a hash of one version per loop and scan every merge each time.
 */
const MERGES_LOOKED_UP = `LEFT JOIN LATERAL (
      SELECT into_child_id FROM reporting_merges m WHERE m.child_id = l.child_id AND m.unmerged_at IS NULL OFFSET 0) m ON true`;

interface ChosenRow {
  period: string;
  indicator: IndicatorName;
  age_group: AgeGroup;
  regency_code: string;
  district_code: string;
  village_code: string;
  puskesmas_code: string;
  posyandu_code: string;
  cls: string;
  flagged: boolean;
}

/** The chosen measurements of the surviving children in $1, given their records and those merged into them ($2). */
const CHOSEN_FOR_RECORDS_SQL = chosenMeasurementsSql(
  LATEST_OF_RECORDS,
  'c.real_child_id = ANY($1::uuid[])',
  MERGES_LOOKED_UP,
);

/** The same for some cells only: pairs of a surviving child ($1) and a period ($3). */
const CHOSEN_FOR_CELLS_SQL = chosenMeasurementsSql(
  LATEST_OF_RECORDS,
  '(c.real_child_id, p.period) IN (SELECT * FROM unnest($1::uuid[], $3::text[]))',
  MERGES_LOOKED_UP,
);

/** Surviving children and the periods, each paired by position. */
interface Cells {
  readonly realChildIds: readonly string[];
  readonly periods: readonly string[];
}

/** Records and the records merged into them, as one array: each is then an index lookup, never a scan. */
async function recordsOf(client: PoolClient, realChildIds: readonly string[]): Promise<string[]> {
  const { rows: merged } = await client.query<{ child_id: string }>({
    name: 'reporting-prevalence-merged-into',
    text: 'SELECT child_id FROM reporting_merges WHERE into_child_id = ANY($1::uuid[]) AND unmerged_at IS NULL',
    values: [realChildIds],
  });
  return [...realChildIds, ...merged.map((row) => row.child_id)];
}

/** The children that count, each under its surviving record, with every record merged into them. */
async function chosenOf(client: PoolClient, realChildIds: readonly string[]): Promise<ChosenMeasurement[]> {
  // Prepared once per connection: planning this statement costs more than running it for one child.
  const { rows } = await client.query<ChosenRow>({
    name: 'reporting-prevalence-chosen',
    text: CHOSEN_FOR_RECORDS_SQL,
    values: [realChildIds, await recordsOf(client, realChildIds)],
  });
  return rows.map(toChosen);
}

/** The chosen measurements of the given cells only. */
async function chosenOfCells(client: PoolClient, cells: Cells): Promise<ChosenMeasurement[]> {
  const { rows } = await client.query<ChosenRow>({
    name: 'reporting-prevalence-chosen-cells',
    text: CHOSEN_FOR_CELLS_SQL,
    values: [cells.realChildIds, await recordsOf(client, [...new Set(cells.realChildIds)]), cells.periods],
  });
  return rows.map(toChosen);
}

function toChosen(row: ChosenRow): ChosenMeasurement {
  return {
    period: row.period,
    indicator: row.indicator,
    ageGroup: row.age_group,
    regencyCode: row.regency_code,
    districtCode: row.district_code,
    villageCode: row.village_code,
    puskesmasCode: row.puskesmas_code,
    posyanduCode: row.posyandu_code,
    cls: row.cls,
    flagged: row.flagged,
  };
}

/** The surviving records the given records count under now (themselves when not merged). */
export async function realChildrenOf(client: PoolClient, childIds: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ real_child_id: string }>(
    `SELECT DISTINCT COALESCE(m.into_child_id, c.child_id) AS real_child_id
       FROM unnest($1::uuid[]) c(child_id)
       LEFT JOIN reporting_merges m ON m.child_id = c.child_id AND m.unmerged_at IS NULL`,
    [childIds],
  );
  return rows.map((row) => row.real_child_id);
}

/**
 * Runs `change` (which writes measurement versions or merges) and moves the counts of the children it can affect:
 * `affected` names them, resolved once the lock is held, before the change.
 */
export async function maintainPrevalenceCounts(
  client: PoolClient,
  affected: () => Promise<readonly string[]>,
  change: () => Promise<void>,
): Promise<void> {
  await client.query(AGGREGATE_LOCK);
  const realChildIds = [...new Set(await affected())];
  const before = realChildIds.length > 0 ? await chosenOf(client, realChildIds) : [];
  await change();
  if (realChildIds.length === 0) return;
  const deltas = countDeltas(before, await chosenOf(client, realChildIds));
  if (deltas.length > 0) await applyDeltas(client, deltas);
}

/**
 * The cells measurement versions can move: the periods of the versions written, and of every version already stored
 * for the same measurements (a correction may move a measurement to another date or child), each under the
 * surviving child it counts for. A void copies a stored version or one written with it: its cells are among those.
 */
const TOUCHED_CELLS_SQL = `
SELECT DISTINCT COALESCE(m.into_child_id, t.child_id) AS real_child_id, p.period
  FROM (SELECT * FROM unnest($1::uuid[], $2::date[]) AS w(child_id, measured_on)
        UNION
        SELECT child_id, measured_on FROM reporting_measurement_versions WHERE measurement_id = ANY($3::uuid[])) t
  LEFT JOIN reporting_merges m ON m.child_id = t.child_id AND m.unmerged_at IS NULL
 CROSS JOIN LATERAL (VALUES ${periodsOf('t.measured_on')}) p(period_key, period)`;

/** Measurement versions about to be written: what TOUCHED_CELLS_SQL needs to know of them. */
export interface VersionsWritten {
  /** Child and measurement date of each recorded or corrected version, paired by position. */
  readonly childIds: readonly string[];
  readonly measuredOn: readonly string[];
  /** Every measurement a version (a void too) is written for. */
  readonly measurementIds: readonly string[];
}

/**
 * Runs `change` (which writes the versions) and moves the counts of the cells it can touch: one lock, one recount
 * of those cells before and one after, whatever the number of versions — the live consumer's chunks go through here
 * whole. Only the touched periods are recounted: a version changes nothing in a child's other periods.
 */
export async function maintainPrevalenceCountsOfVersions(
  client: PoolClient,
  written: VersionsWritten,
  change: () => Promise<void>,
): Promise<void> {
  await client.query(AGGREGATE_LOCK);
  const { rows } = await client.query<{ real_child_id: string; period: string }>({
    name: 'reporting-prevalence-touched-cells',
    text: TOUCHED_CELLS_SQL,
    values: [written.childIds, written.measuredOn, written.measurementIds],
  });
  const cells: Cells = { realChildIds: rows.map((row) => row.real_child_id), periods: rows.map((row) => row.period) };
  const before = rows.length > 0 ? await chosenOfCells(client, cells) : [];
  await change();
  if (rows.length === 0) return;
  const deltas = countDeltas(before, await chosenOfCells(client, cells));
  if (deltas.length > 0) await applyDeltas(client, deltas);
}

/** Per regency count row, its change, as one array per column for unnest. */
const REGENCY_DELTAS_SQL = `SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::int[])
  AS d(${REGENCY_COLUMNS}, delta)`;
/** Per count row (ROW_KEY), its change per slot, as one array per column ($1 to $8) for unnest. */
const ROW_DELTAS_SQL = `SELECT ${ROW_KEY}, delta::int[]
  FROM unnest($1::int[], $2::smallint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
    AS d(${ROW_KEY}, delta)`;

async function applyDeltas(client: PoolClient, deltas: ReturnType<typeof countDeltas>): Promise<void> {
  const regencyValues = [
    deltas.map((delta) => delta.period),
    deltas.map((delta) => delta.indicator),
    deltas.map((delta) => delta.ageGroup),
    deltas.map((delta) => delta.regencyCode),
    deltas.map((delta) => delta.cls),
    deltas.map((delta) => delta.flagged),
    deltas.map((delta) => delta.delta),
  ];
  // The per-regency counts by name, as the deltas come (sorted by cell: concurrent writers update rows in one order).
  await client.query(
    `INSERT INTO reporting_prevalence_regency_counts AS t (${REGENCY_COLUMNS}, children)
     SELECT ${REGENCY_COLUMNS}, sum(delta) FROM (${REGENCY_DELTAS_SQL}) d
      GROUP BY ${REGENCY_COLUMNS} HAVING sum(delta) <> 0 ORDER BY ${REGENCY_COLUMNS}
     ON CONFLICT (${REGENCY_COLUMNS}) DO UPDATE SET children = t.children + EXCLUDED.children`,
    regencyValues,
  );
  await client.query(
    `DELETE FROM reporting_prevalence_regency_counts r
      WHERE r.children = 0 AND (${REGENCY_COLUMNS.split(', ')
        .map((column) => `r.${column}`)
        .join(', ')})
            IN (SELECT ${REGENCY_COLUMNS} FROM (${REGENCY_DELTAS_SQL}) d)`,
    regencyValues,
  );
  // The count rows: each delta moves one slot of its place's row for the period and age group.
  const rows = new Map<string, { readonly key: unknown[]; readonly delta: Int32Array }>();
  for (const delta of deltas) {
    const key = [
      periodNumber(delta.period),
      ageGroupNumber(delta.ageGroup),
      delta.villageCode,
      delta.puskesmasCode,
      delta.posyanduCode,
      delta.districtCode,
      delta.regencyCode,
    ];
    const id = key.join('|');
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { key, delta: new Int32Array(COUNT_SLOTS) }));
    const indicator = indicatorNumber(delta.indicator);
    row.delta[countSlot(indicator, classNumber(delta.indicator, delta.cls), delta.flagged)] += delta.delta;
  }
  // In key order: writers that move the same rows lock them in one order.
  const ordered = [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  const columns = [0, 1, 2, 3, 4, 5, 6].map((i) => ordered.map((row) => row.key[i]));
  const values = [...columns, ordered.map((row) => `{${row.delta.join(',')}}`)];
  await client.query(
    `INSERT INTO reporting_prevalence_counts AS t (${ROW_KEY}, children)
     ${ROW_DELTAS_SQL}
     ON CONFLICT (${ROW_KEY}) DO UPDATE SET children = (
       SELECT array_agg(a + b ORDER BY i) FROM unnest(t.children, EXCLUDED.children) WITH ORDINALITY AS u(a, b, i))`,
    values,
  );
  // A row no child counts in any more is removed, so the counts equal a build from scratch row for row: among the
  // rows just moved, looked up by their keys.
  await client.query(
    `DELETE FROM reporting_prevalence_counts c
      WHERE 0 = ALL(c.children) AND (${ROW_KEY.split(', ')
        .map((column) => `c.${column}`)
        .join(', ')})
            IN (SELECT ${ROW_KEY} FROM (${ROW_DELTAS_SQL}) d)`,
    values,
  );
}
