import { addDays, addMonths, ageInCompletedMonths, agedOutOn, daysBetween } from './calendar';

describe('calendar arithmetic on ISO dates', () => {
  it('adds months from the start date, keeping the day or falling back to the month’s last day', () => {
    expect(addMonths('2025-01-15', 1)).toBe('2025-02-15');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 2)).toBe('2025-03-31');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('counts days across month and leap-year boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('gives the age in completed months as WHO does (days / 30.4375)', () => {
    // 2024-01-15 → 2025-07-15 is 547 days: 17.97 months, 17 completed.
    expect(ageInCompletedMonths('2024-01-15', '2025-07-15')).toBe(17);
    expect(ageInCompletedMonths('2024-01-15', '2024-01-15')).toBe(0);
  });

  it('puts the end of balita age on the first day of 60 completed months (day 1827)', () => {
    const end = agedOutOn('2020-01-01');
    expect(daysBetween('2020-01-01', end)).toBe(1827);
    expect(ageInCompletedMonths('2020-01-01', end)).toBe(60);
    expect(ageInCompletedMonths('2020-01-01', addDays(end, -1))).toBe(59);
  });
});
