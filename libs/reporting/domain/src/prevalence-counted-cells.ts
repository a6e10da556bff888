import { AGE_GROUP_ORDER, CLASS_ORDER, COUNT_SLOTS, INDICATOR_ORDER, periodLabel, slotMeaning } from './cell-codes';
import type { AgeGroup } from './age-groups';
import type { ChosenMeasurement } from './prevalence-counts';

/** One cell of the prevalence aggregate and the number of children counted in it. */
export interface PrevalenceCell extends ChosenMeasurement {
  readonly children: number;
}

/** A period's number in a key: year * MONTHS + month, a year being month 0 of its own. */
export const MONTHS = 13;

/** A place's codes: kabupaten, kecamatan, desa, puskesmas, posyandu ('' for none). */
export type PlaceCodes = readonly [
  regencyCode: string,
  districtCode: string,
  villageCode: string,
  puskesmasCode: string,
  posyanduCode: string,
];

/** A row of the aggregate by numbers (CountedCells.rows), for writers that encode each part once. */
export interface CountRow {
  /** Its period and age group (CountedCells.groupOf). */
  readonly group: number;
  /** Its place's rank in code order (CountedCells.places). */
  readonly place: number;
  /** Children per slot (cell-codes.ts: countSlot). */
  readonly counts: Int32Array;
}

/**
 * The counted rows of a PrevalenceCountsBuild, in the order of their primary key: by numbers (rows) for writers of
 * millions of them, or as the PrevalenceCell of each count when iterated.
 */
export class CountedCells implements Iterable<PrevalenceCell> {
  constructor(
    /**
     * Each choice's key, (group * places + place rank) * COUNT_SLOTS + slot, a group being the period's number
     * (MONTHS) * age groups + age group; sorted: a row per run of keys of one group and place, a count per run of
     * equal keys.
     */
    private readonly keys: Float64Array,
    /** Places by rank, in code order. */
    readonly places: readonly PlaceCodes[],
  ) {}

  /** Every row once, in key order. The row and its counts are reused: copy what you keep. */
  *rows(): Generator<CountRow> {
    const { keys } = this;
    const placeCount = Math.max(1, this.places.length);
    const row = { group: 0, place: 0, counts: new Int32Array(COUNT_SLOTS) };
    let current = -1;
    for (const key of keys) {
      const slot = key % COUNT_SLOTS;
      const groupAndPlace = (key - slot) / COUNT_SLOTS;
      if (groupAndPlace !== current) {
        if (current >= 0) yield row;
        current = groupAndPlace;
        row.place = groupAndPlace % placeCount;
        row.group = (groupAndPlace - row.place) / placeCount;
        row.counts.fill(0);
      }
      row.counts[slot] += 1;
    }
    if (current >= 0) yield row;
  }

  /** The period (as stored: cell-codes.ts) and age group (numbered) of a row's group. */
  storedGroupOf(group: number): { readonly period: number; readonly ageGroup: number } {
    const ageGroup = group % AGE_GROUP_ORDER.length;
    const period = (group - ageGroup) / AGE_GROUP_ORDER.length;
    return { period: Math.floor(period / MONTHS) * 100 + (period % MONTHS), ageGroup };
  }

  /** The period label and age group of a row's group. */
  groupOf(group: number): { readonly period: string; readonly ageGroup: AgeGroup } {
    const { period, ageGroup } = this.storedGroupOf(group);
    return { period: periodLabel(period), ageGroup: AGE_GROUP_ORDER[ageGroup] };
  }

  *[Symbol.iterator](): Generator<PrevalenceCell> {
    const cells: PrevalenceCell[] = [];
    for (const { group, place, counts } of this.rows()) {
      const [regencyCode, districtCode, villageCode, puskesmasCode, posyanduCode] = this.places[place];
      const { period, ageGroup } = this.groupOf(group);
      counts.forEach((children, slot) => {
        if (children === 0) return;
        const { indicator, cls, flagged } = slotMeaning(slot);
        cells.push({
          period,
          indicator: INDICATOR_ORDER[indicator],
          ageGroup,
          regencyCode,
          districtCode,
          villageCode,
          puskesmasCode,
          posyanduCode,
          cls: CLASS_ORDER[indicator][cls - 1],
          flagged,
          children,
        });
      });
    }
    yield* cells;
  }
}
