import { isBalitaIn } from './age-groups';
import { balitaBirthMonths, monthlyWeighings, skdnCountsByPlace, skdnIndicators, type SkdnWeighing } from './skdn';

const weighing = (
  overrides: Partial<SkdnWeighing> & Pick<SkdnWeighing, 'measurementId' | 'childId'>,
): SkdnWeighing => ({
  measuredOn: '2026-08-10',
  birthDate: '2025-01-20',
  regencyCode: '36.03',
  districtCode: '36.03.20',
  villageCode: '36.03.20.2001',
  puskesmasCode: 'P3603200101',
  posyanduCode: 'PY-1',
  judgement: 'N',
  consecutiveT: 0,
  bgm: false,
  ...overrides,
});

describe('SKDN', () => {
  it('counts the balita of the month only: a child past 59 months on its first day is weighed in no count', () => {
    // 1826 days before 2026-08-01 is 2021-08-01: a balita on the 1st (59.99 months), though not on the 20th.
    const edge = '2021-08-01';
    expect([isBalitaIn(edge, '2026-08'), isBalitaIn('2021-07-31', '2026-08')]).toEqual([true, false]);
    const weighings = [
      weighing({ measurementId: '01', childId: 'a', measuredOn: '2026-08-20', birthDate: edge }),
      weighing({ measurementId: '02', childId: 'b', measuredOn: '2026-08-20', birthDate: '2021-07-31', bgm: true }),
    ];
    expect(Object.fromEntries(skdnCountsByPlace(weighings, '2026-08', (w) => w.villageCode))).toEqual({
      '36.03.20.2001': { weighed: 1, n: 1, t: 0, twoT: 0, o: 0, b: 0, bgm: 0 },
    });
  });

  it('counts a child once a month, with its latest weighing, where that weighing was taken', () => {
    const weighings = [
      weighing({ measurementId: '01', childId: 'a', measuredOn: '2026-08-02', judgement: 'T', consecutiveT: 1 }),
      weighing({ measurementId: '02', childId: 'a', measuredOn: '2026-08-20', judgement: 'N', posyanduCode: 'PY-2' }),
      weighing({ measurementId: '03', childId: 'b', judgement: 'T', consecutiveT: 2, bgm: true }),
      weighing({ measurementId: '04', childId: 'c', judgement: 'O' }),
      weighing({ measurementId: '05', childId: 'd', judgement: 'B' }),
      weighing({ measurementId: '06', childId: 'e', measuredOn: '2026-07-31', judgement: 'N' }),
    ];
    const byPosyandu = skdnCountsByPlace(weighings, '2026-08', (w) => w.posyanduCode);
    expect(Object.fromEntries(byPosyandu)).toEqual({
      'PY-1': { weighed: 3, n: 0, t: 1, twoT: 1, o: 1, b: 1, bgm: 1 },
      'PY-2': { weighed: 1, n: 1, t: 0, twoT: 0, o: 0, b: 0, bgm: 0 },
    });
  });

  it('breaks a tie on the day by measurement id, as the database does', () => {
    const chosen = monthlyWeighings([
      weighing({ measurementId: '0b', childId: 'a', judgement: 'T', consecutiveT: 1 }),
      weighing({ measurementId: '0a', childId: 'a', judgement: 'N' }),
    ]);
    expect(chosen.map((w) => w.measurementId)).toEqual(['0b']);
  });

  it('gives D/S, N/D and N/(N+T) as percentages, null where there is nothing to divide by', () => {
    const counts = { weighed: 8, n: 5, t: 2, twoT: 1, o: 1, b: 0, bgm: 1 };
    expect(skdnIndicators(counts, 10, 10)).toEqual({ ks: 100, ds: 80, nd: 62.5, nnt: 71.4, bgmD: 12.5 });
    expect(skdnIndicators(counts, null, null)).toEqual({ ks: null, ds: null, nd: 62.5, nnt: 71.4, bgmD: 12.5 });
  });

  it('says by birth month what isBalitaIn says by birth date, with or without a partial month', () => {
    const addDays = (day: string, days: number) =>
      new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const partials = new Set<string | null>();
    for (let year = 2020; year <= 2032; year++)
      for (let m = 1; m <= 12; m++) {
        const month = `${year}-${String(m).padStart(2, '0')}`;
        const { from, to, partial } = balitaBirthMonths(month);
        partials.add(partial === null ? null : 'partial');
        const byMonth = (birthDate: string) =>
          (birthDate.slice(0, 7) >= from && birthDate.slice(0, 7) <= to) ||
          (birthDate.slice(0, 7) === partial && !birthDate.endsWith('-01'));
        for (const edge of [`${year - 5}-${month.slice(5)}-01`, `${month}-01`])
          for (let offset = -35; offset <= 35; offset++) {
            const birthDate = addDays(edge, offset);
            expect([month, birthDate, byMonth(birthDate)]).toEqual([month, birthDate, isBalitaIn(birthDate, month)]);
          }
      }
    expect([...partials]).toEqual(expect.arrayContaining([null, 'partial']));
  });
});
