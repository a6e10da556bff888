import { earliestBalitaBirthDateIn, isBalitaIn } from './age-groups';

/**
 * SKDN, the posyandu's monthly scorecard (../shared/domain/POSYANDU.md; Pedoman Penggunaan KMS, Permenkes
 * 155/2010): for a place and a month, S all balita, K balita with a KMS (here: registered and living there), D balita
 * weighed, N balita whose weight gain is N — and beside them T, 2T, O, B and BGM. A child counts once per month and
 * place, with its latest weighing of the month (by date, then by measurement id: UUIDv7s sort in recording order),
 * where that weighing was taken.
 */

export type Judgement = 'N' | 'T' | 'O' | 'B';

/** A weighing as it stands: voided ones left out, corrected and re-judged ones as they now are. */
export interface SkdnWeighing {
  readonly measurementId: string;
  /** The child it counts for: a record merged into another counts under the surviving one. */
  readonly childId: string;
  /** YYYY-MM-DD */
  readonly measuredOn: string;
  /** The child's, YYYY-MM-DD: D, N, T… count the balita of the month only (isBalitaIn), as S and K do. */
  readonly birthDate: string;
  readonly regencyCode: string;
  readonly districtCode: string;
  readonly villageCode: string;
  readonly puskesmasCode: string;
  readonly posyanduCode: string | null;
  /** null for a weighing judged before N/T was (issue #26): weighed, but neither N, T, O nor B. */
  readonly judgement: Judgement | null;
  readonly consecutiveT: number;
  readonly bgm: boolean;
}

/** How many children of one place were weighed in one month, and how their weighings were judged. */
export interface SkdnCounts {
  readonly weighed: number;
  readonly n: number;
  readonly t: number;
  /** T for the second month in a row or more: referred to the puskesmas. */
  readonly twoT: number;
  readonly o: number;
  readonly b: number;
  readonly bgm: number;
}

export const NO_WEIGHINGS: SkdnCounts = { weighed: 0, n: 0, t: 0, twoT: 0, o: 0, b: 0, bgm: 0 };

/** A month as YYYY-MM. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** Of each child's weighings in a month, the one that counts: the latest by date, then by measurement id. */
export function monthlyWeighings(weighings: readonly SkdnWeighing[]): SkdnWeighing[] {
  const chosen = new Map<string, SkdnWeighing>();
  for (const weighing of weighings) {
    const key = `${weighing.childId}|${monthOf(weighing.measuredOn)}`;
    const held = chosen.get(key);
    if (!held || later(weighing, held)) chosen.set(key, weighing);
  }
  return [...chosen.values()];
}

const later = (a: SkdnWeighing, b: SkdnWeighing): boolean =>
  a.measuredOn !== b.measuredOn ? a.measuredOn > b.measuredOn : a.measurementId > b.measurementId;

/** What one chosen weighing adds to its place's counts. */
export function countOf(weighing: Pick<SkdnWeighing, 'judgement' | 'consecutiveT' | 'bgm'>): SkdnCounts {
  const { judgement } = weighing;
  return {
    weighed: 1,
    n: judgement === 'N' ? 1 : 0,
    t: judgement === 'T' ? 1 : 0,
    twoT: judgement === 'T' && weighing.consecutiveT >= 2 ? 1 : 0,
    o: judgement === 'O' ? 1 : 0,
    b: judgement === 'B' ? 1 : 0,
    bgm: weighing.bgm ? 1 : 0,
  };
}

export const addCounts = (a: SkdnCounts, b: SkdnCounts): SkdnCounts => ({
  weighed: a.weighed + b.weighed,
  n: a.n + b.n,
  t: a.t + b.t,
  twoT: a.twoT + b.twoT,
  o: a.o + b.o,
  b: a.b + b.b,
  bgm: a.bgm + b.bgm,
});

/**
 * The counts of one month per place, from every weighing known (any months, any places): `placeOf` names the place a
 * weighing counts in (its desa, its posyandu, …), null to leave it out. A child no longer a balita on the month's first
 * day (intake takes weighings up to 1856 days) is in no count, as it is in no S or K.
 */
export function skdnCountsByPlace(
  weighings: readonly SkdnWeighing[],
  month: string,
  placeOf: (weighing: SkdnWeighing) => string | null,
): Map<string, SkdnCounts> {
  const counts = new Map<string, SkdnCounts>();
  for (const weighing of monthlyWeighings(weighings)) {
    if (monthOf(weighing.measuredOn) !== month || !isBalitaIn(weighing.birthDate, month)) continue;
    const place = placeOf(weighing);
    if (place === null) continue;
    counts.set(place, addCounts(counts.get(place) ?? NO_WEIGHINGS, countOf(weighing)));
  }
  return counts;
}

/** A share as a percentage with one decimal, null when there is nothing to divide by. */
const pct = (part: number, whole: number | null): number | null =>
  whole === null || whole === 0 ? null : Math.round((1000 * part) / whole) / 10;

export interface SkdnIndicators {
  /** K/S, programme coverage. */
  readonly ks: number | null;
  /** D/S, community participation (national target 85 %). */
  readonly ds: number | null;
  /** N/D, weighing success, over every child weighed (as the posyandu reports it). */
  readonly nd: number | null;
  /** N/(N+T), over the children whose gain could be judged. */
  readonly nnt: number | null;
  readonly bgmD: number | null;
}

/** The scorecard's percentages. S and K are null where the place has no residents of its own (a posyandu). */
export function skdnIndicators(counts: SkdnCounts, k: number | null, s: number | null): SkdnIndicators {
  return {
    ks: k === null ? null : pct(k, s),
    ds: pct(counts.weighed, s),
    nd: pct(counts.n, counts.weighed),
    nnt: pct(counts.n, counts.n + counts.t),
    bgmD: pct(counts.bgm, counts.weighed),
  };
}

/** The month `months` after (or before, when negative) a month, YYYY-MM. */
export function addMonths(month: string, months: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * isBalitaIn (age-groups.ts) by birth month, for counts kept per birth month and whether born on its first day:
 * balita in `month` are those born in `from`…`to`, and those born in `partial`, when there is one, except on its first
 * day. The earliest balita birth date, 1826 days before the month's first day, is the first of a month when the 60
 * calendar months before hold one 29 February (no partial month), and its second when they hold two.
 */
export function balitaBirthMonths(month: string): { from: string; to: string; partial: string | null } {
  const earliest = earliestBalitaBirthDateIn(month);
  const earliestMonth = monthOf(earliest);
  switch (earliest.slice(8)) {
    case '01':
      return { from: earliestMonth, to: month, partial: null };
    case '02':
      return { from: addMonths(earliestMonth, 1), to: month, partial: earliestMonth };
    default:
      // 60 months without a 29 February (around 2100): the first-day split cannot tell the balita apart.
      throw new Error(`no birth months give the balita of ${month}: the earliest is born on ${earliest}`);
  }
}
