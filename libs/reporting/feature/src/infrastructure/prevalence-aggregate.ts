import {
  AGE_GROUP_ORDER,
  ageGroupNumber,
  CLASS_ORDER,
  classNumber,
  countDeltas,
  type CellNumbers,
  type CountedCells,
  INDICATOR_ORDER,
  indicatorNumber,
  INDICATORS,
  MAX_AGE_DAYS,
  periodNumber,
  type AgeGroup,
  type ChosenMeasurement,
  type IndicatorName,
} from '@registry/reporting-domain';
import { BinaryCopy, type CopyColumn } from '@registry/event-store';
import { escapeIdentifier, type PoolClient } from 'pg';

/**
 * The prevalence aggregate: for the registry as it knows things now, how many children count in each cell
 * (period, indicator, age group, village, puskesmas, class, flagged), and the same per regency. It is what
 * PrevalenceQuery computes at request time with `asOf` absent, kept up to date by the projections instead:
 * whenever measurement versions or merges change, the affected children's chosen measurements are computed before
 * and after the change, with the SQL that also builds the aggregate from scratch, and the counts move by the
 * difference, in the transaction that applies the event.
 */

// Periods, indicators and age groups carry integer keys: the build sorts every candidate row by them, and integers
// compare far faster than text under the database's collation.
const periodsOf = (date: string) =>
  [
    `(extract(year FROM ${date})::int * 100, to_char(${date}, 'YYYY'))`,
    `(extract(year FROM ${date})::int * 100 + extract(month FROM ${date})::int, to_char(${date}, 'YYYY-MM'))`,
  ].join(', ');

// Keyed by the numbers the cells store them under (cell-codes.ts).
const INDICATOR_VALUES = INDICATOR_ORDER.map(
  (name, key) => `(${key}, '${name}', c.${INDICATORS[name].column}_class, c.${INDICATORS[name].column}_flag)`,
).join(', ');

const AGE_GROUP_VALUES = AGE_GROUP_ORDER.map((group, key) => `(${key}, '${group}', ${MAX_AGE_DAYS[group]})`).join(', ');

const textArray = (values: readonly string[]) => `ARRAY[${values.map((value) => `'${value}'`).join(', ')}]::text[]`;
/** Per stored indicator number, the array of its class codes: a stored class is a position in it. */
const classesOfSql = (indicator: string) =>
  `CASE ${indicator} ${CLASS_ORDER.map((classes, key) => `WHEN ${key} THEN ${textArray(classes)}`).join(' ')} END`;
/** The stored number of a class code of the indicator numbered `indicator`. */
const classNumberSql = (indicator: string, cls: string) => `array_position(${classesOfSql(indicator)}, ${cls})`;

/** Stored cells' numbers (cell-codes.ts) as the names the per-regency counts and the reports use. */
const CELL_NAMES_SQL = {
  period: `CASE WHEN period % 100 = 0 THEN (period / 100)::text
                ELSE (period / 100)::text || '-' || lpad((period % 100)::text, 2, '0') END`,
  indicator: `(${textArray(INDICATOR_ORDER)})[indicator + 1]`,
  ageGroup: `(${textArray(AGE_GROUP_ORDER)})[age_group + 1]`,
  cls: `(${classesOfSql('indicator')})[class]`,
};

/** The latest version of every measurement: for a build from scratch, one sort of the whole table. */
const LATEST_OF_ALL = `SELECT DISTINCT ON (v.measurement_id) v.*
    FROM reporting_measurement_versions v
   ORDER BY v.measurement_id, v.version DESC`;

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

/** Each version's record's active merge, if any: one join, for a build over every version. */
const MERGES_JOINED = 'LEFT JOIN reporting_merges m ON m.child_id = l.child_id AND m.unmerged_at IS NULL';

/**
 * The same rows by an index lookup per version, for a few thousand versions: joined as above, the planner may build
 * a hash of one version per loop and scan every merge each time.
 */
const MERGES_LOOKED_UP = `LEFT JOIN LATERAL (
      SELECT into_child_id FROM reporting_merges m WHERE m.child_id = l.child_id AND m.unmerged_at IS NULL OFFSET 0) m ON true`;

/**
 * Among a child's candidates for one cell, the one it counts with: unflagged first, latest measured, latest recorded.
 * A rebuild applies the same rule in memory (PrevalenceCountsBuild, reporting-domain): change both together;
 * prevalence-aggregate.int.spec.ts holds them to the same rows.
 */
const CHOICE_ORDER = 'flagged, measured_on DESC, recorded_at DESC, measurement_id';

/**
 * What a child can count with — the rules of PrevalenceQuery: the latest version of each measurement, voided ones
 * gone, merged records under the surviving child (real_child_id), once per indicator with a class and per age group
 * the child was in. `latest` gives the latest versions looked at, `merges` finds each one's active merge
 * (m.into_child_id).
 */
const candidatesSql = (latest: string, merges: string): string => `
SELECT c.*, i.indicator_key, i.indicator, i.cls, i.flagged, a.age_group_key, a.age_group
  FROM (SELECT l.*, COALESCE(m.into_child_id, l.child_id) AS real_child_id
          FROM (${latest}) l
          ${merges}
         WHERE NOT l.voided) c
 CROSS JOIN LATERAL (VALUES ${INDICATOR_VALUES}) i(indicator_key, indicator, cls, flagged)
 CROSS JOIN (VALUES ${AGE_GROUP_VALUES}) a(age_group_key, age_group, max_age_days)
 WHERE i.cls IS NOT NULL AND c.age_days <= a.max_age_days`;

/**
 * Each real child's chosen measurement per period (year and month), indicator and age group. `realChildren` limits
 * the children returned (it may name c.real_child_id and p.period).
 */
function chosenMeasurementsSql(latest: string, realChildren: string, merges: string): string {
  return `
SELECT DISTINCT ON (real_child_id, period_key, indicator_key, age_group_key)
       period, indicator, age_group, regency_code, district_code, village_code, puskesmas_code, cls, flagged
  FROM (SELECT c.*, p.period_key, p.period
          FROM (${candidatesSql(latest, merges)}) c
         CROSS JOIN LATERAL (VALUES ${periodsOf('c.measured_on')}) p(period_key, period)
         WHERE ${realChildren}) candidates
 ORDER BY real_child_id, period_key, indicator_key, age_group_key, ${CHOICE_ORDER}`;
}

/**
 * The same choice over every child at once, for a build from scratch, in two steps: each child's choice per month,
 * then its choice per year among those, which is the same (the order is total, so the best of a year is the best of
 * its months' bests). The big sort then covers the months' candidates only, half of them; the years' ranking
 * follows the months' order and sorts a few rows at a time.
 */
const CHOSEN_OF_ALL_SQL = `
SELECT p.period, w.indicator_key AS indicator, w.age_group_key AS age_group, w.regency_code, w.district_code,
       w.village_code, w.puskesmas_code, ${classNumberSql('w.indicator_key', 'w.cls')} AS cls, w.flagged
  FROM (
    SELECT m.*, row_number() OVER (PARTITION BY real_child_id, indicator_key, age_group_key, year_key
                                   ORDER BY ${CHOICE_ORDER}) AS year_rank
      FROM (
        SELECT DISTINCT ON (real_child_id, indicator_key, age_group_key, year_key, month_key)
               real_child_id, indicator_key, indicator, age_group_key, age_group, year_key, regency_code, district_code,
               village_code, puskesmas_code, cls, flagged, measured_on, recorded_at, measurement_id
          FROM (SELECT c.*, extract(year FROM c.measured_on)::int AS year_key,
                       extract(month FROM c.measured_on)::int AS month_key
                  FROM (${candidatesSql(LATEST_OF_ALL, MERGES_JOINED)}) c) c
         ORDER BY real_child_id, indicator_key, age_group_key, year_key, month_key, ${CHOICE_ORDER}) m) w
 CROSS JOIN LATERAL (VALUES (w.year_key * 100 + extract(month FROM w.measured_on)::int, true),
                            (w.year_key * 100, w.year_rank = 1)) AS p(period, counted)
 WHERE p.counted`;

const CELL_COLUMNS =
  'period, indicator, age_group, regency_code, district_code, village_code, puskesmas_code, class, flagged';
const REGENCY_COLUMNS = 'period, indicator, age_group, regency_code, class, flagged';

/**
 * The cells from scratch, from the measurement versions and merges as they are (rebuilds of the merges, migration),
 * grouped in the order of their primary key, so the key built after them finds them sorted. Period, indicator, age
 * group and class are stored as numbers (cell-codes.ts).
 */
const BUILD_CELLS_SQL = `
INSERT INTO reporting_prevalence_counts (${CELL_COLUMNS}, children)
SELECT period, indicator, age_group, regency_code, district_code, village_code, puskesmas_code, cls, flagged, count(*)
  FROM (${CHOSEN_OF_ALL_SQL}) chosen
 GROUP BY period, indicator, age_group, village_code, puskesmas_code, cls, flagged, district_code, regency_code;`;

/** The per-regency counts from the cells, whose numbers they name. */
const BUILD_REGENCY_COUNTS_SQL = `
INSERT INTO reporting_prevalence_regency_counts (${REGENCY_COLUMNS}, children)
SELECT ${CELL_NAMES_SQL.period}, ${CELL_NAMES_SQL.indicator}, ${CELL_NAMES_SQL.ageGroup}, regency_code, ${CELL_NAMES_SQL.cls},
       flagged, children
  FROM (SELECT ${REGENCY_COLUMNS}, sum(children) AS children FROM reporting_prevalence_counts GROUP BY ${REGENCY_COLUMNS}) c;`;

/** Both count tables from scratch, from the measurement versions and merges as they are. */
export const BUILD_PREVALENCE_COUNTS_SQL = BUILD_CELLS_SQL + BUILD_REGENCY_COUNTS_SQL;

export const PREVALENCE_COUNT_TABLES = ['reporting_prevalence_counts', 'reporting_prevalence_regency_counts'] as const;

/**
 * One lock for every change to the aggregate: the children's and the measurements' consumers both move counts, and
 * a child's cells must be read and moved by one of them at a time. The measurements' consumer takes it once per
 * chunk of events, and merges are rare, so it is hardly ever waited for.
 */
const AGGREGATE_LOCK = 'SELECT pg_advisory_xact_lock(8008, 1)';

interface ChosenRow {
  period: string;
  indicator: IndicatorName;
  age_group: AgeGroup;
  regency_code: string;
  district_code: string;
  village_code: string;
  puskesmas_code: string;
  cls: string;
  flagged: boolean;
}

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

/**
 * The deltas as rows `d`: each cell's names ($1 to $9, the per-regency counts' keys) and the numbers the cells store
 * (cell-codes.ts) of its period, indicator, age group and class ($10 to $13); `extra` more arrays follow.
 */
const DELTAS_SQL = (extra: string) => `SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
    $6::text[], $7::text[], $8::text[], $9::boolean[], $10::int[], $11::smallint[], $12::smallint[], $13::smallint[]${extra})
  AS d(period_name, indicator_name, age_group_name, regency_code, district_code, village_code, puskesmas_code,
       class_name, flagged, period, indicator, age_group, class${extra ? ', delta' : ''})`;
const REGENCY_NAMES = 'period_name, indicator_name, age_group_name, regency_code, class_name, flagged';

async function applyDeltas(client: PoolClient, deltas: ReturnType<typeof countDeltas>): Promise<void> {
  const column = <K extends keyof (typeof deltas)[number]>(key: K) => deltas.map((delta) => delta[key]);
  const cells = [
    column('period'),
    column('indicator'),
    column('ageGroup'),
    column('regencyCode'),
    column('districtCode'),
    column('villageCode'),
    column('puskesmasCode'),
    column('cls'),
    column('flagged'),
    deltas.map((delta) => periodNumber(delta.period)),
    deltas.map((delta) => indicatorNumber(delta.indicator)),
    deltas.map((delta) => ageGroupNumber(delta.ageGroup)),
    deltas.map((delta) => classNumber(delta.indicator, delta.cls)),
  ];
  await client.query(
    `WITH d AS (${DELTAS_SQL(', $14::int[]')}), cells AS (
       INSERT INTO reporting_prevalence_counts AS t (${CELL_COLUMNS}, children)
       SELECT ${CELL_COLUMNS}, delta FROM d
       ON CONFLICT (${CELL_COLUMNS}) DO UPDATE SET children = t.children + EXCLUDED.children
     )
     INSERT INTO reporting_prevalence_regency_counts AS t (${REGENCY_COLUMNS}, children)
     SELECT ${REGENCY_NAMES}, sum(delta) FROM d GROUP BY ${REGENCY_NAMES} HAVING sum(delta) <> 0
         ORDER BY ${REGENCY_NAMES}
     ON CONFLICT (${REGENCY_COLUMNS}) DO UPDATE SET children = t.children + EXCLUDED.children`,
    [...cells, column('delta')],
  );
  // A cell no child counts in any more is removed, so the counts equal a build from scratch row for row: among the
  // cells just moved, looked up by their keys.
  await client.query(
    `WITH d AS (${DELTAS_SQL('')}), cells AS (
       DELETE FROM reporting_prevalence_counts c
        WHERE c.children = 0 AND (c.${CELL_COLUMNS.split(', ').join(', c.')}) IN (SELECT ${CELL_COLUMNS} FROM d)
     )
     DELETE FROM reporting_prevalence_regency_counts r
      WHERE r.children = 0 AND (r.${REGENCY_COLUMNS.split(', ').join(', r.')}) IN (SELECT ${REGENCY_NAMES} FROM d)`,
    cells,
  );
}

/** Builds the counts from scratch in the caller's transaction, from the versions and merges stored. */
export async function buildPrevalenceCounts(client: PoolClient): Promise<void> {
  await refillPrevalenceCounts(client, async () => {
    // The from-scratch build sorts every measurement version once: let it sort in memory where it can.
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(BUILD_CELLS_SQL);
  });
}

/**
 * Replaces the counts with cells counted while the events were read (a rebuild's PrevalenceCountsBuild), and the
 * per-regency counts summed from them on the way: grouping the cells again in the database took a tenth of a rebuild.
 * Millions of cells share a few hundred periods, indicators and age groups and some ten thousand places: each of those
 * is encoded once, and a cell is their bytes, its class, flag and count.
 */
export async function writePrevalenceCounts(client: PoolClient, counted: CountedCells): Promise<void> {
  const groups = new Map<number, Buffer>();
  const groupBytes = (group: number): Buffer => {
    let bytes = groups.get(group);
    if (!bytes) {
      const { period, indicator, ageGroup } = counted.storedGroupOf(group);
      groups.set(group, (bytes = BinaryCopy.encode(['int4', 'int2', 'int2'], [period, indicator, ageGroup])));
    }
    return bytes;
  };
  const places = counted.places.map((codes) => BinaryCopy.encode(['text', 'text', 'text', 'text'], codes));
  const regencies = new RegencySums(counted);
  await refillPrevalenceCounts(
    client,
    async () => {
      const copy = BinaryCopy.start(client, 'reporting_prevalence_counts', CELL_COPY_COLUMNS);
      counted.forEach((cell) => {
        regencies.add(cell);
        copy
          .row()
          .encoded(groupBytes(cell.group))
          .encoded(places[cell.place])
          .value(7, cell.cls)
          .value(8, cell.flagged)
          .value(9, cell.children);
      });
      await copy.end();
    },
    async () => {
      const copy = BinaryCopy.start(client, 'reporting_prevalence_regency_counts', REGENCY_COPY_COLUMNS);
      regencies.forEach((group, regency, indicator, cls, flagged, children) => {
        const { period, indicator: indicatorName, ageGroup } = counted.groupOf(group);
        copy.add([period, indicatorName, ageGroup, regency, counted.classOf(indicator, cls), flagged, children]);
      });
      await copy.end();
    },
  );
}

/** The cells' columns as COPY writes them: period, indicator, age group and class as numbers (cell-codes.ts). */
const CELL_COPY_COLUMNS: CopyColumn[] = [
  ['period', 'int4'],
  ['indicator', 'int2'],
  ['age_group', 'int2'],
  ['regency_code', 'text'],
  ['district_code', 'text'],
  ['village_code', 'text'],
  ['puskesmas_code', 'text'],
  ['class', 'int2'],
  ['flagged', 'bool'],
  ['children', 'int4'],
];
const REGENCY_COPY_COLUMNS: CopyColumn[] = [
  ...REGENCY_COLUMNS.split(', ').map((name): CopyColumn => [name, name === 'flagged' ? 'bool' : 'text']),
  ['children', 'int4'],
];

/**
 * Children per regency cell (REGENCY_COLUMNS), summed over millions of cells by numbers: cells come grouped by
 * period, indicator and age group, so one group's sums are kept at a time, per regency, class and flagged.
 */
class RegencySums {
  private readonly regencyOfPlace: Int32Array;
  private readonly regencyCodes: string[];
  private readonly done: Array<{ readonly group: number; readonly indicator: number; readonly sums: Int32Array }> = [];
  private current: { group: number; indicator: number; sums: Int32Array } | null = null;

  constructor(counted: CountedCells) {
    this.regencyCodes = [...new Set(counted.places.map(([regency]) => regency))].sort();
    const index = new Map(this.regencyCodes.map((code, i) => [code, i]));
    this.regencyOfPlace = Int32Array.from(counted.places, ([regency]) => index.get(regency)!);
  }

  add(cell: CellNumbers): void {
    if (this.current?.group !== cell.group) {
      this.current = {
        group: cell.group,
        indicator: cell.indicator,
        sums: new Int32Array(this.regencyCodes.length * 32),
      };
      this.done.push(this.current);
    }
    this.current.sums[(this.regencyOfPlace[cell.place] * 16 + cell.cls) * 2 + (cell.flagged ? 1 : 0)] += cell.children;
  }

  /** Each non-empty sum: its group, regency code, indicator, class, flagged and children. */
  forEach(
    visit: (group: number, regency: string, indicator: number, cls: number, flagged: boolean, children: number) => void,
  ): void {
    for (const { group, indicator, sums } of this.done)
      for (let k = 0; k < sums.length; k += 1)
        if (sums[k] !== 0) visit(group, this.regencyCodes[k >> 5], indicator, (k >> 1) & 15, (k & 1) === 1, sums[k]);
  }
}

/**
 * Empties both count tables, lets `fillCells` write the cells, then `fillRegencyCounts` the per-regency counts (by
 * default derived from the cells). The cells' primary key is dropped meanwhile and created again once they are in:
 * one sort that builds the index bottom-up, instead of millions of inserts into it.
 */
async function refillPrevalenceCounts(
  client: PoolClient,
  fillCells: () => Promise<void>,
  fillRegencyCounts = async () => {
    await client.query(BUILD_REGENCY_COUNTS_SQL);
  },
): Promise<void> {
  await client.query(AGGREGATE_LOCK);
  await client.query(`TRUNCATE ${PREVALENCE_COUNT_TABLES.join(', ')}`);
  await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE conrelid = 'reporting_prevalence_counts'::regclass AND contype = 'p'`,
  );
  for (const { name } of rows)
    await client.query(`ALTER TABLE reporting_prevalence_counts DROP CONSTRAINT ${escapeIdentifier(name)}`);
  await fillCells();
  for (const { name, definition } of rows)
    await client.query(
      `ALTER TABLE reporting_prevalence_counts ADD CONSTRAINT ${escapeIdentifier(name)} ${definition}`,
    );
  await fillRegencyCounts();
}
