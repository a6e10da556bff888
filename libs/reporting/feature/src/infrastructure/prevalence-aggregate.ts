import {
  AGE_GROUP_ORDER,
  ageGroupNumber,
  CLASS_ORDER,
  classNumber,
  COUNT_SLOTS,
  countDeltas,
  countSlot,
  slotMeaning,
  type CountedCells,
  type CountRow,
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
 * (period, indicator, age group, village, puskesmas, posyandu, class, flagged), and the same per regency. It is what
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

const SLOTS = Array.from({ length: COUNT_SLOTS }, (_, slot) => slotMeaning(slot));
/** The slot (0 on) of a chosen measurement's indicator number, class number and flag, in SQL. */
const slotSql = (indicator: string, cls: string, flagged: string) =>
  `(CASE ${indicator} ${INDICATOR_ORDER.map((_, i) => `WHEN ${i} THEN ${countSlot(i, 1, false)}`).join(' ')} END
    + 2 * (${cls} - 1) + ${flagged}::int)`;
/** What the slot numbered `slot1` (1 on, as SQL arrays count) counts, named as the per-regency counts name it. */
const SLOT_NAMES_SQL = (slot1: string) => ({
  indicator: `(${textArray(SLOTS.map(({ indicator }) => INDICATOR_ORDER[indicator]))})[${slot1}]`,
  cls: `(${textArray(SLOTS.map(({ indicator, cls }) => CLASS_ORDER[indicator][cls - 1]))})[${slot1}]`,
  flagged: `(ARRAY[${SLOTS.map(({ flagged }) => flagged).join(', ')}]::boolean[])[${slot1}]`,
});
/** A stored period and age group (cell-codes.ts) as named. */
const PERIOD_NAME_SQL = `CASE WHEN period % 100 = 0 THEN (period / 100)::text
                ELSE (period / 100)::text || '-' || lpad((period % 100)::text, 2, '0') END`;
const AGE_GROUP_NAME_SQL = `(${textArray(AGE_GROUP_ORDER)})[age_group + 1]`;

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
       period, indicator, age_group, regency_code, district_code, village_code, puskesmas_code, posyandu_code, cls,
       flagged
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
       w.village_code, w.puskesmas_code, w.posyandu_code, ${classNumberSql('w.indicator_key', 'w.cls')} AS cls,
       w.flagged
  FROM (
    SELECT m.*, row_number() OVER (PARTITION BY real_child_id, indicator_key, age_group_key, year_key
                                   ORDER BY ${CHOICE_ORDER}) AS year_rank
      FROM (
        SELECT DISTINCT ON (real_child_id, indicator_key, age_group_key, year_key, month_key)
               real_child_id, indicator_key, indicator, age_group_key, age_group, year_key, regency_code, district_code,
               village_code, puskesmas_code, posyandu_code, cls, flagged, measured_on, recorded_at, measurement_id
          FROM (SELECT c.*, extract(year FROM c.measured_on)::int AS year_key,
                       extract(month FROM c.measured_on)::int AS month_key
                  FROM (${candidatesSql(LATEST_OF_ALL, MERGES_JOINED)}) c) c
         ORDER BY real_child_id, indicator_key, age_group_key, year_key, month_key, ${CHOICE_ORDER}) m) w
 CROSS JOIN LATERAL (VALUES (w.year_key * 100 + extract(month FROM w.measured_on)::int, true),
                            (w.year_key * 100, w.year_rank = 1)) AS p(period, counted)
 WHERE p.counted`;

/** A count row's key: a period and age group at a place. */
const ROW_KEY = 'period, age_group, village_code, puskesmas_code, posyandu_code, district_code, regency_code';
const REGENCY_COLUMNS = 'period, indicator, age_group, regency_code, class, flagged';

/**
 * The count rows from scratch, from the measurement versions and merges as they are (rebuilds of the merges,
 * migration), grouped in the order of their primary key, so the key built after them finds them sorted.
 */
const BUILD_CELLS_SQL = `
INSERT INTO reporting_prevalence_counts (${ROW_KEY}, children)
SELECT ${ROW_KEY}, ARRAY[${SLOTS.map((_, slot) => `count(*) FILTER (WHERE slot = ${slot})`).join(', ')}]::int[]
  FROM (SELECT c.*, ${slotSql('c.indicator', 'c.cls', 'c.flagged')} AS slot FROM (${CHOSEN_OF_ALL_SQL}) c) chosen
 GROUP BY ${ROW_KEY};`;

/** The per-regency counts from the count rows, named. */
const BUILD_REGENCY_COUNTS_SQL = `
INSERT INTO reporting_prevalence_regency_counts (${REGENCY_COLUMNS}, children)
SELECT ${PERIOD_NAME_SQL}, ${SLOT_NAMES_SQL('slot').indicator}, ${AGE_GROUP_NAME_SQL}, regency_code,
       ${SLOT_NAMES_SQL('slot').cls}, ${SLOT_NAMES_SQL('slot').flagged}, children
  FROM (SELECT c.period, c.age_group, c.regency_code, u.slot, sum(u.children) AS children
          FROM reporting_prevalence_counts c CROSS JOIN LATERAL unnest(c.children) WITH ORDINALITY AS u(children, slot)
         WHERE u.children <> 0
         GROUP BY c.period, c.age_group, c.regency_code, u.slot) c;`;

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
  posyandu_code: string;
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

/** Builds the counts from scratch in the caller's transaction, from the versions and merges stored. */
export async function buildPrevalenceCounts(client: PoolClient): Promise<void> {
  await refillPrevalenceCounts(client, async () => {
    // The from-scratch build sorts every measurement version once: let it sort in memory where it can.
    await client.query(`SET LOCAL work_mem = '256MB'`);
    await client.query(BUILD_CELLS_SQL);
  });
}

/**
 * Replaces the counts with the rows counted while the events were read (a rebuild's PrevalenceCountsBuild), and the
 * per-regency counts summed from them on the way: grouping the rows again in the database took a tenth of a rebuild.
 * Millions of rows share a few hundred periods and age groups and some ten thousand places: each of those is encoded
 * once, and a row is their bytes and its counts.
 */
export async function writePrevalenceCounts(client: PoolClient, counted: CountedCells): Promise<void> {
  const groups = new Map<number, Buffer>();
  const groupBytes = (group: number): Buffer => {
    let bytes = groups.get(group);
    if (!bytes) {
      const { period, ageGroup } = counted.storedGroupOf(group);
      groups.set(group, (bytes = BinaryCopy.encode(['int4', 'int2'], [period, ageGroup])));
    }
    return bytes;
  };
  // In the order of ROW_COPY_COLUMNS: desa, puskesmas, posyandu, kecamatan, kabupaten.
  const places = counted.places.map(([regency, district, village, puskesmas, posyandu]) =>
    BinaryCopy.encode(['text', 'text', 'text', 'text', 'text'], [village, puskesmas, posyandu, district, regency]),
  );
  const regencies = new RegencySums(counted);
  await refillPrevalenceCounts(
    client,
    async () => {
      const copy = BinaryCopy.start(client, 'reporting_prevalence_counts', ROW_COPY_COLUMNS);
      let written = 0;
      for (const row of counted.rows()) {
        regencies.add(row);
        copy.row().encoded(groupBytes(row.group)).encoded(places[row.place]).value(ROW_CHILDREN_COLUMN, row.counts);
        // Waits whenever the server is behind, so it stores rows while the next are encoded.
        if (++written % 1000 === 0) await copy.ready();
      }
      await copy.end();
    },
    async () => {
      const copy = BinaryCopy.start(client, 'reporting_prevalence_regency_counts', REGENCY_COPY_COLUMNS);
      regencies.forEach((group, regency, slot, children) => {
        const { period, ageGroup } = counted.groupOf(group);
        const { indicator, cls, flagged } = slotMeaning(slot);
        copy.add([
          period,
          INDICATOR_ORDER[indicator],
          ageGroup,
          regency,
          CLASS_ORDER[indicator][cls - 1],
          flagged,
          children,
        ]);
      });
      await copy.end();
    },
  );
}

/** The count rows' columns as COPY writes them (ROW_KEY's order): period and age group as numbers (cell-codes.ts). */
const ROW_COPY_COLUMNS: CopyColumn[] = [
  ['period', 'int4'],
  ['age_group', 'int2'],
  ['village_code', 'text'],
  ['puskesmas_code', 'text'],
  ['posyandu_code', 'text'],
  ['district_code', 'text'],
  ['regency_code', 'text'],
  ['children', 'int4[]'],
];
/** The vector's position among ROW_COPY_COLUMNS, after the key's parts encoded beforehand. */
const ROW_CHILDREN_COLUMN = ROW_COPY_COLUMNS.length - 1;
const REGENCY_COPY_COLUMNS: CopyColumn[] = [
  ...REGENCY_COLUMNS.split(', ').map((name): CopyColumn => [name, name === 'flagged' ? 'bool' : 'text']),
  ['children', 'int4'],
];

/**
 * Children per regency count (REGENCY_COLUMNS), summed over millions of rows by numbers: rows come grouped by period
 * and age group, so one group's sums are kept at a time, per regency and slot.
 */
class RegencySums {
  private readonly regencyOfPlace: Int32Array;
  private readonly regencyCodes: string[];
  private readonly done: Array<{ readonly group: number; readonly sums: Int32Array }> = [];
  private current: { group: number; sums: Int32Array } | null = null;

  constructor(counted: CountedCells) {
    this.regencyCodes = [...new Set(counted.places.map(([regency]) => regency))].sort();
    const index = new Map(this.regencyCodes.map((code, i) => [code, i]));
    this.regencyOfPlace = Int32Array.from(counted.places, ([regency]) => index.get(regency)!);
  }

  add(row: CountRow): void {
    let current = this.current;
    if (current?.group !== row.group) {
      current = { group: row.group, sums: new Int32Array(this.regencyCodes.length * COUNT_SLOTS) };
      this.current = current;
      this.done.push(current);
    }
    const at = this.regencyOfPlace[row.place] * COUNT_SLOTS;
    for (let slot = 0; slot < COUNT_SLOTS; slot += 1) current.sums[at + slot] += row.counts[slot];
  }

  /** Each non-empty sum: its group, regency code, slot and children. */
  forEach(visit: (group: number, regency: string, slot: number, children: number) => void): void {
    for (const { group, sums } of this.done)
      for (let k = 0; k < sums.length; k += 1)
        if (sums[k] !== 0) visit(group, this.regencyCodes[Math.floor(k / COUNT_SLOTS)], k % COUNT_SLOTS, sums[k]);
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
