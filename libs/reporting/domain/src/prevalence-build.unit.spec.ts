import { PrevalenceCountsBuild, type MeasurementVersionFacts } from './prevalence-build';
import type { PrevalenceCell } from './prevalence-counted-cells';

const CHILD = '0190a000-0000-7000-8000-00000000000a';
const OTHER = '0190a000-0000-7000-8000-00000000000b';
const [M1, M2, M3, M4] = [1, 2, 3, 4].map((n) => `0190b000-0000-7000-8000-00000000000${n}`);

const visit = (overrides: Partial<MeasurementVersionFacts> & Pick<MeasurementVersionFacts, 'measurementId'>) => ({
  version: 1,
  childId: CHILD,
  recordedAt: '2025-03-01T00:00:00.000Z',
  measuredOn: '2025-03-01',
  ageDays: 400,
  regencyCode: '36.03',
  districtCode: '36.03.01',
  villageCode: '36.03.01.2001',
  puskesmasCode: 'P1',
  posyanduCode: 'PSY-1',
  classes: { stunting: 'stunted', wasting: 'normal', underweight: null },
  flags: { stunting: false, wasting: false, underweight: false },
  ...overrides,
});

/** The cells of one period, indicator and age group, as `class:children` (flagged ones marked). */
const cellsOf = (cells: readonly PrevalenceCell[], period: string, indicator = 'stunting', ageGroup = 'balita') =>
  cells
    .filter((c) => c.period === period && c.indicator === indicator && c.ageGroup === ageGroup)
    .map((c) => `${c.villageCode} ${c.cls}${c.flagged ? ' flagged' : ''}: ${c.children}`);

const built = (given: (build: PrevalenceCountsBuild) => void, merges: Record<string, string> = {}) => {
  const build = new PrevalenceCountsBuild();
  given(build);
  return [...build.cells(new Map(Object.entries(merges)))];
};

describe('PrevalenceCountsBuild', () => {
  it('counts a child once per period, with its latest measurement; the year takes the latest month', () => {
    const cells = built((b) => {
      b.add(visit({ measurementId: M1, measuredOn: '2025-03-01' }));
      b.add(
        visit({
          measurementId: M2,
          measuredOn: '2025-05-10',
          classes: { stunting: 'normal', wasting: 'normal', underweight: null },
        }),
      );
    });
    expect(cellsOf(cells, '2025')).toEqual(['36.03.01.2001 normal: 1']);
    expect(cellsOf(cells, '2025-03')).toEqual(['36.03.01.2001 stunted: 1']);
    expect(cellsOf(cells, '2025-05')).toEqual(['36.03.01.2001 normal: 1']);
    // No class, no cell: the child has no weight-for-age.
    expect(cellsOf(cells, '2025', 'underweight')).toEqual([]);
  });

  it('counts a child at the posyandu of its chosen measurement; a desa with two posyandu has a row for each', () => {
    const cells = built((b) => {
      b.add(visit({ measurementId: M1, measuredOn: '2025-03-01', posyanduCode: 'PSY-2' }));
      b.add(visit({ measurementId: M2, measuredOn: '2025-05-10', posyanduCode: 'PSY-1' }));
      b.add(visit({ measurementId: M3, childId: OTHER, measuredOn: '2025-05-11', posyanduCode: '' }));
    });
    const byPosyandu = (period: string) =>
      cells
        .filter((c) => c.period === period && c.indicator === 'stunting' && c.ageGroup === 'balita')
        .map((c) => `${c.villageCode} ${c.posyanduCode || '(none)'}: ${c.children}`);
    // In code order within the desa ('' first), as the count rows' key sorts them.
    expect(byPosyandu('2025')).toEqual(['36.03.01.2001 (none): 1', '36.03.01.2001 PSY-1: 1']);
    expect(byPosyandu('2025-03')).toEqual(['36.03.01.2001 PSY-2: 1']);
  });

  it('prefers an unflagged measurement to a later flagged one, and counts a flagged one when there is no other', () => {
    const flagged = { stunting: true, wasting: false, underweight: false };
    const cells = built((b) => {
      b.add(visit({ measurementId: M1, measuredOn: '2025-03-01' }));
      b.add(visit({ measurementId: M2, measuredOn: '2025-04-01', flags: flagged }));
    });
    expect(cellsOf(cells, '2025')).toEqual(['36.03.01.2001 stunted: 1']);
    expect(cellsOf(cells, '2025-04')).toEqual(['36.03.01.2001 stunted flagged: 1']);
  });

  it('counts a corrected measurement as corrected, and a voided one nowhere, until a later correction', () => {
    const cells = built((b) => {
      b.add(visit({ measurementId: M1, measuredOn: '2025-03-01' }));
      b.add(visit({ measurementId: M1, version: 2, measuredOn: '2025-06-01', villageCode: '36.03.01.2002' }));
      b.add(visit({ measurementId: M2, childId: OTHER }));
      b.void(M2, 2);
      b.add(visit({ measurementId: M3, childId: OTHER, measuredOn: '2024-02-01' }));
      b.void(M3, 2);
      b.add(visit({ measurementId: M3, childId: OTHER, version: 3, measuredOn: '2024-02-01' }));
      // Not newer than what is known: changes nothing.
      b.add(visit({ measurementId: M1, version: 2, measuredOn: '2025-01-01' }));
      b.void(M1, 1);
    });
    expect(cellsOf(cells, '2025')).toEqual(['36.03.01.2002 stunted: 1']);
    expect(cellsOf(cells, '2025-03')).toEqual([]);
    expect(cellsOf(cells, '2024')).toEqual(['36.03.01.2001 stunted: 1']);
  });

  it('counts a child under the record it was merged into, once, where its chosen measurement was taken', () => {
    const cells = built(
      (b) => {
        b.add(visit({ measurementId: M1, measuredOn: '2025-03-01', villageCode: '36.03.01.2001' }));
        b.add(visit({ measurementId: M2, childId: OTHER, measuredOn: '2025-04-01', villageCode: '36.03.01.2002' }));
      },
      { [OTHER.toUpperCase()]: CHILD },
    );
    expect(cellsOf(cells, '2025')).toEqual(['36.03.01.2002 stunted: 1']);
  });

  it('puts a child in the age groups it was young enough for, and breaks a tie of date and record time by the lower id', () => {
    const cells = built((b) => {
      b.add(visit({ measurementId: M1, ageDays: 731, measuredOn: '2025-03-02' }));
      b.add(
        visit({
          measurementId: M2,
          ageDays: 730,
          measuredOn: '2025-03-01',
          classes: { stunting: 'normal', wasting: null, underweight: null },
        }),
      );
      b.add(visit({ measurementId: M4, childId: OTHER, recordedAt: '2025-03-02T00:00:00.000Z' }));
      b.add(
        visit({
          measurementId: M3,
          childId: OTHER,
          recordedAt: '2025-03-02T00:00:00.000Z',
          classes: { stunting: 'tall', wasting: null, underweight: null },
        }),
      );
    });
    expect(cellsOf(cells, '2025', 'stunting', 'baduta')).toEqual(['36.03.01.2001 normal: 1', '36.03.01.2001 tall: 1']);
    expect(cellsOf(cells, '2025', 'stunting', 'balita')).toEqual(['36.03.01.2001 stunted: 1', '36.03.01.2001 tall: 1']);
  });

  it('refuses a class the indicator does not have', () => {
    const build = new PrevalenceCountsBuild();
    expect(() =>
      build.add(visit({ measurementId: M1, classes: { stunting: 'wasted', wasting: null, underweight: null } })),
    ).toThrow('unknown stunting class wasted');
  });
});
