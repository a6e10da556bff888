import { ageInMonths } from '@registry/anthropometry';
import { daysBetween, earliestBalitaBirthDateIn, isBalitaIn, isBalitaOn, MAX_AGE_DAYS } from './age-groups';

const daysOf = (month: string): string[] => {
  const [year, monthNumber] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return Array.from({ length: last }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
};

describe('age groups: one age rule (STANDARDS.md), asked on a day or in a month', () => {
  it('ends each group at its last day under the completed months, months being days / 30.4375', () => {
    expect(MAX_AGE_DAYS).toEqual({ baduta: 730, balita: 1826 });
    expect(Math.floor(ageInMonths(MAX_AGE_DAYS.baduta))).toBe(23);
    expect(Math.floor(ageInMonths(MAX_AGE_DAYS.baduta + 1))).toBe(24);
    expect(Math.floor(ageInMonths(MAX_AGE_DAYS.balita))).toBe(59);
    expect(Math.floor(ageInMonths(MAX_AGE_DAYS.balita + 1))).toBe(60);
  });

  it('takes a balita on a day as at most 1826 days old then', () => {
    expect(daysBetween('2021-08-01', '2026-08-01')).toBe(1826);
    expect(isBalitaOn('2021-08-01', '2026-08-01')).toBe(true);
    expect(isBalitaOn('2021-08-01', '2026-08-02')).toBe(false);
  });

  it('takes a balita in a month as born by its end and a balita on its first day', () => {
    expect(isBalitaIn('2026-08-31', '2026-08')).toBe(true);
    expect(isBalitaIn('2026-09-01', '2026-08')).toBe(false);
    // 60 calendar months before 1 August 2026, but 1826 days (59.99 months): a balita on that day, so in August.
    expect(isBalitaIn('2021-08-01', '2026-08')).toBe(true);
    expect(isBalitaIn('2021-07-31', '2026-08')).toBe(false);
    // With two 29 February in the 60 calendar months, their first day is already 1827 days back.
    expect(daysBetween('2019-08-01', '2024-08-01')).toBe(1827);
    expect(isBalitaIn('2019-08-01', '2024-08')).toBe(false);
    expect(isBalitaIn('2019-08-02', '2024-08')).toBe(true);
  });

  it('differs from the day rule only in the month a child completes 60 months: it counts there, its later days do not', () => {
    // 59 months and some days on 1 August 2026, 60 months from the 2nd: in August's K, in no prevalence from the 2nd.
    expect(isBalitaIn('2021-08-01', '2026-08')).toBe(true);
    expect(isBalitaOn('2021-08-01', '2026-08-20')).toBe(false);
    expect(Math.floor(ageInMonths(daysBetween('2021-08-01', '2026-08-20')))).toBe(60);
  });

  it('is, in a month, exactly "a balita on some day of the month, born by then"', () => {
    for (const month of ['2024-02', '2024-08', '2025-03', '2026-08', '2026-12']) {
      const days = daysOf(month);
      const earliest = earliestBalitaBirthDateIn(month);
      expect(isBalitaOn(earliest, days[0])).toBe(true);
      for (let offset = -40; offset <= 40; offset++) {
        for (const birthDate of [
          new Date(Date.parse(`${earliest}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10),
          new Date(Date.parse(`${days.at(-1)}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10),
        ])
          expect([birthDate, month, isBalitaIn(birthDate, month)]).toEqual([
            birthDate,
            month,
            days.some((day) => birthDate <= day && isBalitaOn(birthDate, day)),
          ]);
      }
    }
  });
});
