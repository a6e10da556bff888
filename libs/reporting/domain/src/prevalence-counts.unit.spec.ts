import { countDeltas, type ChosenMeasurement } from './prevalence-counts';

const row = (overrides: Partial<ChosenMeasurement> = {}): ChosenMeasurement => ({
  period: '2025',
  indicator: 'stunting',
  ageGroup: 'balita',
  regencyCode: '36.03',
  districtCode: '36.03.20',
  villageCode: '36.03.20.2002',
  puskesmasCode: 'PKM-1',
  posyanduCode: 'PSY-1',
  cls: 'normal',
  flagged: false,
  ...overrides,
});

describe('countDeltas', () => {
  it('moves a child from its old cell to its new one', () => {
    expect(countDeltas([row()], [row({ cls: 'stunted' })])).toEqual([
      { ...row(), delta: -1 },
      { ...row({ cls: 'stunted' }), delta: 1 },
    ]);
  });

  it('moves a child to another posyandu of the same desa (a correction of where it was weighed)', () => {
    expect(countDeltas([row()], [row({ posyanduCode: 'PSY-2' })])).toEqual([
      { ...row(), delta: -1 },
      { ...row({ posyanduCode: 'PSY-2' }), delta: 1 },
    ]);
  });

  it('changes nothing when the chosen measurements are the same (a redelivered event)', () => {
    expect(countDeltas([row(), row({ period: '2025-08' })], [row({ period: '2025-08' }), row()])).toEqual([]);
  });

  it('adds up children of the same cell, e.g. two records merged into one child', () => {
    const merged = countDeltas([row(), row()], [row()]);
    expect(merged).toEqual([{ ...row(), delta: -1 }]);
    expect(countDeltas([], [row(), row({ flagged: true }), row()])).toEqual([
      { ...row(), delta: 2 },
      { ...row({ flagged: true }), delta: 1 },
    ]);
  });

  it('orders cells the same way whatever the input order, so writers lock count rows in one order', () => {
    const cells = [
      row({ villageCode: '36.03.20.2009' }),
      row({ villageCode: '36.03.20.2001' }),
      row({ period: '2024' }),
    ];
    const forward = countDeltas([], cells).map((cell) => cell.villageCode + cell.period);
    const backward = countDeltas([], [...cells].reverse()).map((cell) => cell.villageCode + cell.period);
    expect(forward).toEqual(backward);
    expect(forward).toEqual(['36.03.20.20022024', '36.03.20.20012025', '36.03.20.20092025']);
  });
});
