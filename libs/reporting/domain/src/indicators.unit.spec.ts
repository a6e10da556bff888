import { parsePeriod, percent, periodKind, publicRow, suppress } from './indicators';

describe('indicators', () => {
  it('computes prevalence as STANDARDS.md says: 300 + 900 of 6,000 measured is 20.00 %', () => {
    expect(percent(300 + 900, 6000)).toBe(20);
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(2, 3)).toBe(66.67);
    expect(percent(0, 0)).toBeNull();
  });

  it('reads a year or a month as a period', () => {
    expect(parsePeriod('2023')).toEqual({ label: '2023', from: '2023-01-01', to: '2023-12-31', year: 2023 });
    expect(parsePeriod('2024-02')).toEqual({ label: '2024-02', from: '2024-02-01', to: '2024-02-29', year: 2024 });
    expect(parsePeriod('2023-13')).toBeNull();
    expect(parsePeriod('23')).toBeNull();
  });

  it('reads a calendar quarter as a period, and tells the three kinds apart', () => {
    expect(parsePeriod('2026Q1')).toEqual({ label: '2026Q1', from: '2026-01-01', to: '2026-03-31', year: 2026 });
    expect(parsePeriod('2026Q3')).toEqual({ label: '2026Q3', from: '2026-07-01', to: '2026-09-30', year: 2026 });
    expect(parsePeriod('2024Q4')).toEqual({ label: '2024Q4', from: '2024-10-01', to: '2024-12-31', year: 2024 });
    expect(parsePeriod('2026Q5')).toBeNull();
    expect(parsePeriod('2026Q0')).toBeNull();
    expect(parsePeriod('2026-Q3')).toBeNull();
    expect(['2026', '2026Q3', '2026-08'].map((label) => periodKind(parsePeriod(label)!))).toEqual([
      'year',
      'quarter',
      'month',
    ]);
  });

  it('suppresses small non-zero cells only', () => {
    expect(suppress(0, 5)).toBe(0);
    expect(suppress(4, 5)).toBeNull();
    expect(suppress(5, 5)).toBe(5);
  });

  it('shows a public row whole only when no class of it is small', () => {
    // Given 16 children measured, 3 of them stunted, a minimum of 10: the 3 could be read from 16 - 13 or from 18.75 %
    expect(publicRow(16, [0, 3, 13, 0, 0], 10)).toEqual({ measured: true, breakdown: false });
    // Given every class at 0 or at least the minimum
    expect(publicRow(40, [0, 12, 28, 0, 0], 10)).toEqual({ measured: true, breakdown: true });
    // Given a small number measured: nothing of the row
    expect(publicRow(7, [0, 0, 7, 0, 0], 10)).toEqual({ measured: false, breakdown: false });
  });
});
