import { MAX_AGE_DAYS, type AgeGroup } from './age-groups';
import { INDICATORS, type IndicatorName } from './indicators';

/*
 * How the prevalence aggregate's cells store period, indicator, age group and class: as small integers, each numbered
 * in the byte order of its name, so the cells' key sorts as the names would. Building the key over four text columns
 * took four times as long as over these numbers (3.9 M cells: 5.5 s against 1.4 s).
 */

/** Indicators by number. */
export const INDICATOR_ORDER: readonly IndicatorName[] = (Object.keys(INDICATORS) as IndicatorName[]).sort();
/** Age groups by number. */
export const AGE_GROUP_ORDER: readonly AgeGroup[] = (Object.keys(MAX_AGE_DAYS) as AgeGroup[]).sort();
/** Per indicator (by number), its classes: a class is stored as its position + 1. */
export const CLASS_ORDER: readonly (readonly string[])[] = INDICATOR_ORDER.map((name) =>
  (Object.values(INDICATORS[name].classes) as string[]).sort(),
);

export const indicatorNumber = (name: IndicatorName): number => INDICATOR_ORDER.indexOf(name);
export const ageGroupNumber = (group: AgeGroup): number => AGE_GROUP_ORDER.indexOf(group);
/** A class of an indicator as stored (1 on), or 0 when the indicator has no such class. */
export const classNumber = (indicator: IndicatorName, cls: string): number =>
  CLASS_ORDER[indicatorNumber(indicator)].indexOf(cls) + 1;

/** A period as stored: year × 100 for a year (`2025` → 202500), plus the month for a month (`2025-08` → 202508). */
export const periodNumber = (label: string): number =>
  Number(label.slice(0, 4)) * 100 + (label.length > 4 ? Number(label.slice(5, 7)) : 0);

/** The label of a stored period. */
export const periodLabel = (stored: number): string => {
  const year = Math.floor(stored / 100);
  const month = stored % 100;
  return month === 0 ? String(year) : `${year}-${String(month).padStart(2, '0')}`;
};

/*
 * A place's counts for one period and age group are one row: a vector of children per indicator, class and flag
 * (flagged children counted apart), instead of a row per indicator and class. A measurement's child counts in the
 * three indicators at the same place, so this is a third of the rows to store and index on a rebuild, and a third of
 * the rows a live recount moves.
 */

/** Where each indicator's slots begin in a count vector: its classes in order, each unflagged then flagged. */
const SLOT_OFFSETS: readonly number[] = CLASS_ORDER.reduce<number[]>(
  (offsets, classes, i) => [...offsets, (offsets[i] ?? 0) + 2 * classes.length],
  [0],
);

/** The length of a count vector. */
export const COUNT_SLOTS = SLOT_OFFSETS[SLOT_OFFSETS.length - 1];

/** The slot (0 on) of an indicator's class (numbered as stored, 1 on), flagged or not. */
export const countSlot = (indicator: number, cls: number, flagged: boolean): number =>
  SLOT_OFFSETS[indicator] + 2 * (cls - 1) + (flagged ? 1 : 0);

/** What a slot counts. */
export const slotMeaning = (
  slot: number,
): { readonly indicator: number; readonly cls: number; readonly flagged: boolean } => {
  let indicator = 0;
  while (SLOT_OFFSETS[indicator + 1] <= slot) indicator += 1;
  const within = slot - SLOT_OFFSETS[indicator];
  return { indicator, cls: Math.floor(within / 2) + 1, flagged: within % 2 === 1 };
};
