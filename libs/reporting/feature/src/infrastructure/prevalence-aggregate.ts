import {
  AGE_GROUP_ORDER,
  CLASS_ORDER,
  COUNT_SLOTS,
  countSlot,
  slotMeaning,
  type CountedCells,
  type CountRow,
  INDICATOR_ORDER,
} from '@registry/reporting-domain';
import { BinaryCopy, type CopyColumn } from '@registry/event-store';
import { escapeIdentifier, type PoolClient } from 'pg';
import { candidatesSql, prevalenceChoiceOrderSql } from './prevalence-choice';

/**
 * The prevalence aggregate: for the registry as it knows things now, how many children count in each cell
 * (period, indicator, age group, village, puskesmas, posyandu, class, flagged), and the same per regency. It is what
 * PrevalenceQuery computes at request time with `asOf` absent, kept up to date by the projections instead: the
 * incremental deltas (prevalence-deltas.ts) move the counts as events change what children count with, by the same
 * choice (prevalence-choice.ts) as the full build here, which fills both tables from scratch.
 */

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

/** Each version's record's active merge, if any: one join, for a build over every version. */
const MERGES_JOINED = 'LEFT JOIN reporting_merges m ON m.child_id = l.child_id AND m.unmerged_at IS NULL';

/**
 * The choice (prevalence-choice.ts) over every child at once, for a build from scratch, in two steps: each child's
 * choice per month, then its choice per year among those, which is the same (the order is total, so the best of a
 * year is the best of its months' bests). The big sort then covers the months' candidates only, half of them; the
 * years' ranking follows the months' order and sorts a few rows at a time.
 */
const CHOSEN_OF_ALL_SQL = `
SELECT p.period, w.indicator_key AS indicator, w.age_group_key AS age_group, w.regency_code, w.district_code,
       w.village_code, w.puskesmas_code, w.posyandu_code, ${classNumberSql('w.indicator_key', 'w.cls')} AS cls,
       w.flagged
  FROM (
    SELECT m.*, row_number() OVER (PARTITION BY real_child_id, indicator_key, age_group_key, year_key
                                   ORDER BY ${prevalenceChoiceOrderSql()}) AS year_rank
      FROM (
        SELECT DISTINCT ON (real_child_id, indicator_key, age_group_key, year_key, month_key)
               real_child_id, indicator_key, indicator, age_group_key, age_group, year_key, regency_code, district_code,
               village_code, puskesmas_code, posyandu_code, cls, flagged, measured_on, recorded_at, measurement_id
          FROM (SELECT c.*, extract(year FROM c.measured_on)::int AS year_key,
                       extract(month FROM c.measured_on)::int AS month_key
                  FROM (${candidatesSql(LATEST_OF_ALL, MERGES_JOINED)}) c) c
         ORDER BY real_child_id, indicator_key, age_group_key, year_key, month_key, ${prevalenceChoiceOrderSql()}) m) w
 CROSS JOIN LATERAL (VALUES (w.year_key * 100 + extract(month FROM w.measured_on)::int, true),
                            (w.year_key * 100, w.year_rank = 1)) AS p(period, counted)
 WHERE p.counted`;

/** A count row's key: a period and age group at a place. */
export const ROW_KEY = 'period, age_group, village_code, puskesmas_code, posyandu_code, district_code, regency_code';
export const REGENCY_COLUMNS = 'period, indicator, age_group, regency_code, class, flagged';

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
export const AGGREGATE_LOCK = 'SELECT pg_advisory_xact_lock(8008, 1)';

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
