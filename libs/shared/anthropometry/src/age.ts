// Age conventions of the WHO Child Growth Standards: the day tables are indexed by completed days, and WHO converts
// between days and months with the average month length of 30.4375 days (365.25 / 12).

export const DAYS_PER_MONTH = 30.4375;

/** The last day of the WHO expanded tables; the registry computes z-scores for 0–1856 days, as igrowup does. */
export const LAST_DAY = 1856;

/** From this age (24 months) WHO expects standing height instead of recumbent length. */
export const FIRST_HEIGHT_DAY = 731;

/** How WHO expects a child of this age measured, for records that do not say: lying before 731 days, then standing. */
export function expectedPosition(ageDays: number): 'lying' | 'standing' {
  return ageDays < FIRST_HEIGHT_DAY ? 'lying' : 'standing';
}

/** Age in months as WHO defines it, unrounded. */
export function ageInMonths(ageDays: number): number {
  return ageDays / DAYS_PER_MONTH;
}

/** WHO's conversion of an age recorded in months (e.g. from a KMS card) to the days indexing the tables. */
export function ageInDaysFromMonths(ageMonths: number): number {
  return Math.floor(ageMonths * DAYS_PER_MONTH + 0.5);
}
