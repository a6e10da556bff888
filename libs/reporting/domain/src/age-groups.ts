import { DAYS_PER_MONTH } from '@registry/anthropometry';

/**
 * The age groups of the reports, and the one age rule behind them (../shared/domain/STANDARDS.md, Anthropometry and
 * Indicators): age in completed days is the day minus the birth date, age in months is days / 30.4375, and the
 * groups count children under 24 (baduta, "0–23 months") and under 60 (balita, "0–59 months") completed months.
 * POSYANDU.md's SKDN counts "balita (0–59 months)" in the same months; interventions (agesOutOn) and sponsorship
 * (agedOutOn) end the balita years on the same day, 1827.
 *
 * The rule is asked two ways, on purpose:
 * - on a day (isBalitaOn): prevalence, incidence and the by-name list judge a measurement, or today, by the child's
 *   age on that day;
 * - in a month (isBalitaIn): SKDN's S and K are counts of a month (POSYANDU.md), so a child counts when it is a balita
 *   on any day of the month: born by its last day and a balita on its first.
 * They differ only inside the month a child completes 60 months: a balita on the 1st and no longer on the 20th counts
 * in that month's K, though a measurement of it on the 20th counts in no prevalence.
 */
export type AgeGroup = 'baduta' | 'balita';

/** Completed days of the oldest child under `months` completed months: 24 months is day 730.5, so day 730. */
const lastDayUnder = (months: number): number => Math.ceil(months * DAYS_PER_MONTH) - 1;

/** Completed days of the oldest child in the group: baduta under 24 months (730), balita under 60 (1826). */
export const MAX_AGE_DAYS: Record<AgeGroup, number> = { baduta: lastDayUnder(24), balita: lastDayUnder(60) };

const DAY_MS = 86_400_000;

/** Whole days from one calendar day to another (an age in days, from the birth date). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The calendar day `days` after (or before, when negative) a day, YYYY-MM-DD. */
const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** A balita on `day`: at most MAX_AGE_DAYS.balita days old then (59.99 months; day 1827 is 60.02). */
export const isBalitaOn = (birthDate: string, day: string): boolean =>
  daysBetween(birthDate, day) <= MAX_AGE_DAYS.balita;

/** The earliest birth date of a balita in `month` (YYYY-MM): a balita on the month's first day. */
export const earliestBalitaBirthDateIn = (month: string): string => addDays(`${month}-01`, -MAX_AGE_DAYS.balita);

/** A balita in `month` (YYYY-MM): born by its last day, and a balita on its first (isBalitaOn). */
export function isBalitaIn(birthDate: string, month: string): boolean {
  const [year, monthNumber] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
  return birthDate <= lastDay && isBalitaOn(birthDate, `${month}-01`);
}
