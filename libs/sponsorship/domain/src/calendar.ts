/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in whole days: no time zone can shift a date by one. */

const DAY_MS = 86_400_000;

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromDayNumber(dayNumber(date) + days);

export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/**
 * The same day `months` later, or the month's last day when it is shorter (31 January + 1 month = 28/29 February),
 * counted from `date` itself so the months of a commitment never drift.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** WHO's average month (365.25 / 12 = 30.4375 days), by which ages in days become months. */
const DAYS_PER_MONTH = 365.25 / 12;

/** Completed months of an age in days, as WHO counts them (days / 30.4375). */
export const completedMonthsOf = (ageDays: number): number => Math.floor(ageDays / DAYS_PER_MONTH);

export const ageInCompletedMonths = (birthDate: string, on: string): number =>
  completedMonthsOf(daysBetween(birthDate, on));

/** Balita are children under 60 completed months (STANDARDS: age groups). */
export const BALITA_MONTHS = 60;

/** The first day a child born on `birthDate` is 60 completed months old: it is no longer a balita. */
export const agedOutOn = (birthDate: string): string => addDays(birthDate, Math.ceil(BALITA_MONTHS * DAYS_PER_MONTH));

export const earliest = (first: string, ...others: string[]): string =>
  others.reduce((min, date) => (date < min ? date : min), first);
