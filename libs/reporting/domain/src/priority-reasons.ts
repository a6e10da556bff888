import { isBalitaOn } from './age-groups';
import { INDICATORS } from './indicators';

const { stunting, wasting } = INDICATORS;

/**
 * Why a child is on the TPPS's by-name list: stunted or wasted by its latest valid measurement (STANDARDS.md),
 * below the KMS red line or two T in a row at its latest weighing, or a balita missing from the posyandu for two
 * months (POSYANDU.md). Ranked most urgent first: severe wasting needs referral the same week.
 */
export const PRIORITY_REASONS = [
  'severely_wasted',
  'bgm',
  'wasted',
  'severely_stunted',
  'stunted',
  'two_t',
  'not_weighed',
] as const;

export type PriorityReason = (typeof PRIORITY_REASONS)[number];

/** What the registry knows of one child now, as the by-name list reads it. */
export interface ChildStatusFacts {
  readonly birthDate: string;
  /** Classes of the latest measurement with a valid length/height- or weight-for-length/height z-score. */
  readonly heightForAgeClass: string | null;
  readonly weightForHeightClass: string | null;
  /** The latest weighing (not voided), its months of T in a row and whether it was below the red line. */
  readonly lastWeighedOn: string | null;
  readonly consecutiveT: number;
  readonly bgm: boolean;
}

const addMonths = (date: string, months: number): string => {
  const [year, month, day] = date.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.toISOString().slice(0, 8)}${String(Math.min(day, lastDay)).padStart(2, '0')}`;
};

/**
 * The first day of the month two months before today's: a child last weighed before it missed the posyandu in both
 * of the last two months (the current month may still bring it).
 */
export const notWeighedBefore = (today: string): string => `${addMonths(today, -2).slice(0, 7)}-01`;

/** The reasons, most urgent first; empty when the child is not on the list. */
export function priorityReasons(facts: ChildStatusFacts, today: string): PriorityReason[] {
  const reasons = new Set<PriorityReason>();
  if (facts.weightForHeightClass === wasting.classes.severelyWasted) reasons.add('severely_wasted');
  if (facts.bgm) reasons.add('bgm');
  if (facts.weightForHeightClass === wasting.classes.wasted) reasons.add('wasted');
  if (facts.heightForAgeClass === stunting.classes.severelyStunted) reasons.add('severely_stunted');
  if (facts.heightForAgeClass === stunting.classes.stunted) reasons.add('stunted');
  if (facts.consecutiveT >= 2) reasons.add('two_t');
  if (
    facts.lastWeighedOn !== null &&
    facts.lastWeighedOn < notWeighedBefore(today) &&
    isBalitaOn(facts.birthDate, today)
  )
    reasons.add('not_weighed');
  return PRIORITY_REASONS.filter((reason) => reasons.has(reason));
}
