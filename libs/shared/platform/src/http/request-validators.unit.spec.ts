import { hasNoControlCharacters, isCalendarDate } from './request-validators';
import { tooDeep } from './validation.pipe';

describe('request validators', () => {
  it.each(['2024-02-29', '2025-12-31', '2000-01-01'])('%s is a calendar date', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each(['2024-02-30', '2023-02-29', '2025-04-31', '2024-13-01', '2024-00-10', '2024-1-5', '', 20240101, null])(
    '%s is not',
    (date) => {
      expect(isCalendarDate(date)).toBe(false);
    },
  );

  it('refuses control characters in text, keeps tabs, line breaks and other languages', () => {
    expect(hasNoControlCharacters('Siti\u0000')).toBe(false);
    expect(hasNoControlCharacters('a\u001bb')).toBe(false);
    expect(hasNoControlCharacters('a\u007f')).toBe(false);
    expect(hasNoControlCharacters('baris 1\nbaris 2\tdan\r')).toBe(true);
    expect(hasNoControlCharacters('Nguyễn Thị · محمد')).toBe(true);
    expect(hasNoControlCharacters(42)).toBe(true);
  });

  it('finds a body nested too deep without recursing, and names where', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level += 1) deep = { a: deep };
    expect(tooDeep({ name: deep })).toBe('name.a.a…');
    expect(tooDeep({ items: [{ address: { villageCode: 'x' } }] })).toBeNull();
  });
});
