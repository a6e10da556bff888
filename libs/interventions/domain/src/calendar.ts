// Dates are ISO calendar days (YYYY-MM-DD) throughout: cases and interventions are dated by day, never by instant.

const DAY_MS = 86_400_000;

/**
 * WHO's average month (365.25 / 12 days): STANDARDS.md defines age in months as days / 30.4375, and the balita
 * indicators count children under 60 *completed* months of that length.
 */
const DAYS_PER_MONTH = 30.4375;

/** The age that ends the balita years, and with it every case of the registry. */
export const BALITA_MONTHS = 60;

const epochDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => epochDay(to) - epochDay(from);

export const addDays = (date: string, days: number): string =>
  new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);

/** Completed months of age on a day: 0 for the first 30 days. */
export const completedMonths = (birthDate: string, on: string): number =>
  Math.floor(daysBetween(birthDate, on) / DAYS_PER_MONTH);

/** Days of age at which the child has completed 60 months. */
const BALITA_DAYS = Math.ceil(BALITA_MONTHS * DAYS_PER_MONTH);

/** The first day on which the child has completed 60 months: no longer a balita. */
export const agesOutOn = (birthDate: string): string => addDays(birthDate, BALITA_DAYS);

/** Children born on or before this day have completed 60 months by `today`: what a sweep looks for. */
export const agedOutIfBornBy = (today: string): string => addDays(today, -BALITA_DAYS);
