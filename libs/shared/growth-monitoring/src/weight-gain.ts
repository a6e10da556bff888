import { ageInMonths } from '@registry/anthropometry';
import { KBM_TABLE, kbmGramsAt, type KbmRow } from './kbm';

/** One weighing of a child as it stands now: voided ones left out, corrected ones with their corrected values. */
export interface Weighing {
  readonly measurementId: string;
  /** YYYY-MM-DD */
  readonly measuredOn: string;
  readonly weightKg: number;
}

/**
 * The posyandu's judgement of a weighing against the latest weighing of the previous calendar month
 * (Buku KIA 2023, Permenkes 155/2010): N (naik) gained at least the KBM, T (tidak naik) less; O not weighed last
 * month (or no KBM at this age); B (baru) the child's first month of weighing. `consecutiveT` counts the months of T
 * in a row ending here: 2 or more is 2T, the referral to the puskesmas.
 */
export type WeightGain =
  | {
      readonly judgement: 'N' | 'T';
      readonly gainGrams: number;
      readonly kbmGrams: number;
      readonly consecutiveT: number;
    }
  | { readonly judgement: 'O' | 'B'; readonly gainGrams: null; readonly kbmGrams: null; readonly consecutiveT: 0 };

/** What changes a child's weighings: the measurement events, reduced to what the judgement reads. */
export type WeighingChange =
  | {
      readonly type: 'recorded' | 'corrected';
      readonly measurementId: string;
      readonly measuredOn: string;
      readonly weightKg: number | null;
    }
  | { readonly type: 'voided'; readonly measurementId: string };

/** The weighings after a change: a measurement without a weight (or voided) is no weighing. */
export function evolveWeighings(
  weighings: ReadonlyMap<string, Weighing>,
  change: WeighingChange,
): ReadonlyMap<string, Weighing> {
  const next = new Map(weighings);
  switch (change.type) {
    case 'recorded':
    case 'corrected': {
      const { measurementId, measuredOn, weightKg } = change;
      if (weightKg === null) next.delete(measurementId);
      else next.set(measurementId, { measurementId, measuredOn, weightKg });
      return next;
    }
    case 'voided':
      next.delete(change.measurementId);
      return next;
    default: {
      const unknown: never = change;
      throw new Error(`unknown weighing change ${(unknown as WeighingChange).type}`);
    }
  }
}

const NOT_JUDGED_O: WeightGain = { judgement: 'O', gainGrams: null, kbmGrams: null, consecutiveT: 0 };
const FIRST_B: WeightGain = { judgement: 'B', gainGrams: null, kbmGrams: null, consecutiveT: 0 };

/**
 * The history before the weighings given, when only its recent months are judged again: the latest weighing before
 * them and the judgement it was given. What came earlier cannot change a later month's judgement but through it.
 */
export interface EarlierHistory {
  readonly latest: Weighing;
  /** null when it was never judged (its run of T is then taken as none). */
  readonly weightGain: ToldWeightGain | null;
}

/**
 * Judges every weighing of one child (a merged child's history is the union of both records' weighings), or of its
 * months since `earlier.latest` was weighed. Each is judged against the latest weighing of the previous calendar
 * month; of two weighings in one month the later one (by date, then by measurement id: UUIDv7s sort in recording
 * order) is the month's, and the next month is judged against it. The age is in completed months at the weighing
 * (WHO days / 30.4375, as every age here).
 */
export function judgeWeightGains(
  birthDate: string,
  weighings: Iterable<Weighing>,
  { earlier = null, table = KBM_TABLE }: { earlier?: EarlierHistory | null; table?: readonly KbmRow[] } = {},
): Map<string, WeightGain> {
  const sorted = [...weighings].sort(
    (a, b) => compare(a.measuredOn, b.measuredOn) || compare(a.measurementId, b.measurementId),
  );
  const latestOfMonth = new Map<number, Weighing>();
  if (earlier) latestOfMonth.set(monthOf(earlier.latest.measuredOn), earlier.latest);
  for (const weighing of sorted) latestOfMonth.set(monthOf(weighing.measuredOn), weighing);
  const firstMonth = earlier ? -1 : sorted.length > 0 ? monthOf(sorted[0].measuredOn) : 0;

  const judged = new Map<string, ToldWeightGain>();
  if (earlier?.weightGain) judged.set(earlier.latest.measurementId, earlier.weightGain);
  const result = new Map<string, WeightGain>();
  for (const weighing of sorted) {
    const month = monthOf(weighing.measuredOn);
    const previous = latestOfMonth.get(month - 1);
    const weightGain =
      month === firstMonth
        ? FIRST_B
        : judge(weighing, previous, previous && judged.get(previous.measurementId), birthDate, table);
    judged.set(weighing.measurementId, weightGain);
    result.set(weighing.measurementId, weightGain);
  }
  return result;
}

function judge(
  weighing: Weighing,
  previous: Weighing | undefined,
  previousGain: ToldWeightGain | undefined,
  birthDate: string,
  table: readonly KbmRow[],
): WeightGain {
  const kbmGrams = kbmGramsAt(completedMonths(birthDate, weighing.measuredOn), table);
  if (previous === undefined || kbmGrams === null) return NOT_JUDGED_O;
  const gainGrams = grams(weighing.weightKg) - grams(previous.weightKg);
  if (gainGrams >= kbmGrams) return { judgement: 'N', gainGrams, kbmGrams, consecutiveT: 0 };
  const consecutiveT = previousGain?.judgement === 'T' ? previousGain.consecutiveT + 1 : 1;
  return { judgement: 'T', gainGrams, kbmGrams, consecutiveT };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whole grams: kilograms with decimals would make 0.1 + 0.2 of a kilogram miss a boundary. */
const grams = (kg: number): number => Math.round(kg * 1000);

/** Calendar months since year 0, so that December and the next January are one apart. */
const monthOf = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

const DAY_MS = 86_400_000;
const completedMonths = (birthDate: string, measuredOn: string): number =>
  Math.floor(ageInMonths((Date.parse(measuredOn) - Date.parse(birthDate)) / DAY_MS));

/** A judgement as readers were told it (read back from an event): the fields of WeightGain, not its union. */
export type ToldWeightGain = { readonly [K in keyof WeightGain]: WeightGain[K] };

const sameGain = (a: ToldWeightGain, b: WeightGain): boolean =>
  a.judgement === b.judgement &&
  a.gainGrams === b.gainGrams &&
  a.kbmGrams === b.kbmGrams &&
  a.consecutiveT === b.consecutiveT;

/**
 * The weighings whose judgement differs from the one given before (`before`: what readers were told). A weighing
 * judged before is never edited: the caller records the new judgement as a new event.
 */
export function changedWeightGains(
  before: ReadonlyMap<string, ToldWeightGain>,
  after: ReadonlyMap<string, WeightGain>,
): Array<{ readonly measurementId: string; readonly weightGain: WeightGain }> {
  const changed: Array<{ measurementId: string; weightGain: WeightGain }> = [];
  for (const [measurementId, weightGain] of after) {
    const told = before.get(measurementId);
    if (told !== undefined && !sameGain(told, weightGain)) changed.push({ measurementId, weightGain });
  }
  return changed;
}
