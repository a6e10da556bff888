import { todayInIndonesia } from './clock';

describe('todayInIndonesia', () => {
  it('is already the next day in Papua when it is still the evening before in UTC', () => {
    // Given 15:00 UTC, midnight in WIT (UTC+9) / When the day is asked / Then it is the next calendar day
    expect(todayInIndonesia(new Date('2026-12-01T15:00:00Z'))).toBe('2026-12-02');
    expect(todayInIndonesia(new Date('2026-12-01T14:59:59Z'))).toBe('2026-12-01');
  });
});
