import { addDays, addMonths } from './calendar';
import { fulfilmentOn, statusOn, type FulfilmentInput } from './fulfilment';

const commitment = { amountIdr: 525_000, startOn: '2025-01-10', months: 6 };

describe('sponsorship status', () => {
  it.each([
    ['2025-01-09', null, 'upcoming'],
    ['2025-01-10', null, 'active'],
    ['2025-07-09', null, 'active'],
    ['2025-07-10', null, 'completed'],
    ['2025-03-01', '2025-02-20', 'ended'],
  ] as const)('on %s (ended %s) is %s', (today, endedOn, status) => {
    expect(statusOn({ commitment, endedOn }, today)).toBe(status);
  });
});

describe('fulfilment: contributed against pledged to date', () => {
  it('owes each month once it has begun and counts a month without contribution once it is over', () => {
    // Given months starting 10 Jan, 10 Feb, 10 Mar, 10 Apr; contributions in January and March only
    const sponsorship: FulfilmentInput = {
      commitment,
      endedOn: null,
      contributions: [
        { date: '2025-01-12', amountIdr: 525_000 },
        { date: '2025-03-10', amountIdr: 400_000 },
        { date: '2025-03-11', amountIdr: null },
      ],
    };
    // When it is 15 April: four months have begun, February is over without a contribution, April still runs
    expect(fulfilmentOn(sponsorship, '2025-04-15')).toEqual({
      asOf: '2025-04-15',
      monthsDue: 4,
      pledgedToDateIdr: 2_100_000,
      contributedIdr: 925_000,
      contributions: 3,
      monthsWithoutContribution: 1,
      lastContributionOn: '2025-03-11',
    });
  });

  it('stops owing at the end: no month begins on or after the end date, and the cut month is over', () => {
    const sponsorship: FulfilmentInput = { commitment, endedOn: '2025-03-10', contributions: [] };
    expect(fulfilmentOn(sponsorship, '2025-06-01')).toMatchObject({
      monthsDue: 2,
      pledgedToDateIdr: 1_050_000,
      monthsWithoutContribution: 2,
    });
  });

  it('pledges no rupiah for a commitment in kind, still counting its months', () => {
    const eggs: FulfilmentInput = {
      commitment: { ...commitment, amountIdr: null },
      endedOn: null,
      contributions: [{ date: '2025-01-20', amountIdr: null }],
    };
    expect(fulfilmentOn(eggs, '2025-03-15')).toMatchObject({
      monthsDue: 3,
      pledgedToDateIdr: null,
      contributedIdr: 0,
      monthsWithoutContribution: 1,
    });
  });

  it('agrees with a day-by-day count on generated commitments', () => {
    // A deterministic generator (LCG) so a failure can be replayed.
    let seed = 20_251_122;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 300; run += 1) {
      const startOn = addDays('2024-01-01', next(700));
      const months = 1 + next(24);
      const amountIdr = 1000 * (1 + next(1000));
      const today = addDays(startOn, next(months * 31 + 60) - 30);
      const endedOn = next(3) === 0 ? addDays(startOn, next(months * 31)) : null;
      const contributions = Array.from({ length: next(8) }, () => ({
        date: addDays(startOn, next(months * 30)),
        amountIdr: next(4) === 0 ? null : 1000 * next(2000),
      }));
      const expected = dayByDay({ commitment: { amountIdr, startOn, months }, endedOn, contributions }, today);
      expect(fulfilmentOn({ commitment: { amountIdr, startOn, months }, endedOn, contributions }, today)).toMatchObject(
        expected,
      );
    }
  });
});

/** The reference: walk every day, note which month it belongs to, whether it was owed and whether it is over. */
function dayByDay({ commitment, endedOn, contributions }: FulfilmentInput, today: string) {
  const endOfCommitment = addMonths(commitment.startOn, commitment.months);
  const owed = new Set<number>();
  const given = new Set<number>();
  let month = 0;
  for (let day = commitment.startOn; day < endOfCommitment; day = addDays(day, 1)) {
    while (day >= addMonths(commitment.startOn, month + 1)) month += 1;
    const beforeEnd = endedOn === null || day < endedOn;
    if (day === addMonths(commitment.startOn, month) && day <= today && beforeEnd) owed.add(month);
    if (contributions.some((contribution) => contribution.date === day)) given.add(month);
  }
  const over = [...owed].filter((m) => endedOn !== null || addMonths(commitment.startOn, m + 1) <= today);
  return {
    monthsDue: owed.size,
    pledgedToDateIdr: commitment.amountIdr! * owed.size,
    contributedIdr: contributions.reduce((sum, c) => sum + (c.amountIdr ?? 0), 0),
    monthsWithoutContribution: over.filter((m) => !given.has(m)).length,
  };
}
