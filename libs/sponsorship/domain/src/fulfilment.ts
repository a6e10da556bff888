import { addDays, addMonths, earliest } from './calendar';
import type { Commitment } from './sponsorship';

/**
 * Where a sponsorship stands on a date. `ended` comes from an event (a request, the child's death, move or merge);
 * the others follow from the calendar: the commitment runs from startOn for its months.
 */
export type SponsorshipStatus = 'upcoming' | 'active' | 'completed' | 'ended';
export const SPONSORSHIP_STATUSES: readonly SponsorshipStatus[] = ['upcoming', 'active', 'completed', 'ended'];

/** What fulfilment is computed from: the commitment, its end (if any) and the contributions' dates and amounts. */
export interface FulfilmentInput {
  readonly commitment: Pick<Commitment, 'amountIdr' | 'startOn' | 'months'>;
  /** The first day without obligation when the sponsorship was ended, else null. */
  readonly endedOn: string | null;
  readonly contributions: ReadonlyArray<{ readonly date: string; readonly amountIdr: number | null }>;
}

export interface Fulfilment {
  readonly asOf: string;
  /** Months of the commitment begun by `asOf`, before any end: the months the sponsor owes so far. */
  readonly monthsDue: number;
  /** Integer rupiah: the monthly amount times the months due; null for commitments in kind without an amount. */
  readonly pledgedToDateIdr: number | null;
  /** Integer rupiah: the sum of every contribution given in cash. */
  readonly contributedIdr: number;
  readonly contributions: number;
  /** Months of the commitment that are over (fully elapsed, or cut short by the end) without any contribution. */
  readonly monthsWithoutContribution: number;
  readonly lastContributionOn: string | null;
}

/** The first day after the commitment: startOn plus its months. */
export const commitmentEndsOn = (commitment: Pick<Commitment, 'startOn' | 'months'>): string =>
  addMonths(commitment.startOn, commitment.months);

export function statusOn(
  sponsorship: Pick<FulfilmentInput, 'commitment' | 'endedOn'>,
  today: string,
): SponsorshipStatus {
  if (sponsorship.endedOn !== null) return 'ended';
  if (today < sponsorship.commitment.startOn) return 'upcoming';
  if (today >= commitmentEndsOn(sponsorship.commitment)) return 'completed';
  return 'active';
}

/** Upcoming and active sponsorships commit a sponsor to the child; completed and ended ones no longer do. */
export const isCommitted = (status: SponsorshipStatus): boolean => status === 'upcoming' || status === 'active';

/**
 * Contributed against pledged, month by month. Month i of a commitment runs from startOn + i months (exclusive
 * end: startOn + i + 1 months); it is due once it has begun, and it counts as without contribution once it is over
 * and no contribution is dated in it. An end stops the months: none begins on or after the end date.
 */
export function fulfilmentOn(sponsorship: FulfilmentInput, today: string): Fulfilment {
  const { commitment, endedOn, contributions } = sponsorship;
  const lastCountedDay = earliest(today, ...(endedOn === null ? [] : [addDays(endedOn, -1)]));
  const months = Array.from({ length: commitment.months }, (_, i) => ({
    from: addMonths(commitment.startOn, i),
    to: addMonths(commitment.startOn, i + 1),
  })).filter(({ from }) => from <= lastCountedDay);
  const isOver = (month: { to: string }) => endedOn !== null || month.to <= today;
  const dates = contributions.map((contribution) => contribution.date).sort();
  return {
    asOf: today,
    monthsDue: months.length,
    pledgedToDateIdr: commitment.amountIdr === null ? null : commitment.amountIdr * months.length,
    contributedIdr: contributions.reduce((sum, contribution) => sum + (contribution.amountIdr ?? 0), 0),
    contributions: contributions.length,
    monthsWithoutContribution: months.filter(
      (month) => isOver(month) && !dates.some((date) => date >= month.from && date < month.to),
    ).length,
    lastContributionOn: dates.length === 0 ? null : dates[dates.length - 1],
  };
}
