import { KBM_TABLE } from './kbm';
import {
  changedWeightGains,
  evolveWeighings,
  judgeWeightGains,
  type Weighing,
  type WeighingChange,
} from './weight-gain';

const BORN = '2024-01-01';

/** The given day of the calendar month `offset` months after the birth month (January 2024). */
const dayOf = (offset: number, day = 15): string => {
  const month = offset % 12;
  return `${2024 + Math.floor(offset / 12)}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const weighing = (measurementId: string, measuredOn: string, weightKg: number): Weighing => ({
  measurementId,
  measuredOn,
  weightKg,
});

const given = (...weighings: Weighing[]) => ({
  judged: () => judgeWeightGains(BORN, weighings),
  after: (...changes: WeighingChange[]) => {
    const before = judgeWeightGains(BORN, weighings);
    const now = changes.reduce(evolveWeighings, new Map(weighings.map((w) => [w.measurementId, w])));
    const after = judgeWeightGains(BORN, now.values());
    return { after, changed: changedWeightGains(before, after) };
  },
});

describe('weight gain (N/T/O/B) by the KBM table', () => {
  const boundaries = KBM_TABLE.flatMap((row) =>
    [...new Set([row.fromMonth, row.toMonth])].map((age) => [age, row.grams] as const),
  );

  it.each(boundaries)('at %i completed months a gain of exactly the KBM (%i g) is N', (age, kbm) => {
    const judged = given(weighing('a', dayOf(age - 1), 10), weighing('b', dayOf(age), 10 + kbm / 1000)).judged();
    expect(judged.get('b')).toEqual({ judgement: 'N', gainGrams: kbm, kbmGrams: kbm, consecutiveT: 0 });
  });

  it.each(boundaries)('at %i completed months one gram less than the KBM (%i g) is T', (age, kbm) => {
    const judged = given(weighing('a', dayOf(age - 1), 10), weighing('b', dayOf(age), 10 + (kbm - 1) / 1000)).judged();
    expect(judged.get('b')).toEqual({ judgement: 'T', gainGrams: kbm - 1, kbmGrams: kbm, consecutiveT: 1 });
  });

  it('judges a flat or falling weight T, with the loss as a negative gain', () => {
    const judged = given(
      weighing('a', dayOf(12), 9.5),
      weighing('b', dayOf(13), 9.5),
      weighing('c', dayOf(14), 9.3),
    ).judged();
    expect(judged.get('b')).toMatchObject({ judgement: 'T', gainGrams: 0 });
    expect(judged.get('c')).toMatchObject({ judgement: 'T', gainGrams: -200, consecutiveT: 2 });
  });

  it('has no KBM after 60 months: O', () => {
    const judged = given(weighing('a', dayOf(60), 18), weighing('b', dayOf(61), 19)).judged();
    expect(judged.get('b')).toEqual({ judgement: 'O', gainGrams: null, kbmGrams: null, consecutiveT: 0 });
  });
});

describe('first weighings and the first month of life', () => {
  it('judges the first weighing B, and every weighing of the first month weighed', () => {
    const judged = given(weighing('a', dayOf(5, 3), 7), weighing('b', dayOf(5, 28), 7.2)).judged();
    expect(judged.get('a')).toEqual({ judgement: 'B', gainGrams: null, kbmGrams: null, consecutiveT: 0 });
    expect(judged.get('b')?.judgement).toBe('B');
  });

  it('has no KBM at age 0: weighed last month and still in the first month of life is O', () => {
    const judged = judgeWeightGains('2024-01-20', [weighing('a', '2024-01-25', 3.2), weighing('b', '2024-02-10', 3.9)]);
    expect(judged.get('a')?.judgement).toBe('B');
    expect(judged.get('b')).toEqual({ judgement: 'O', gainGrams: null, kbmGrams: null, consecutiveT: 0 });
  });

  it('judges age 1 month against the age-0 weighing with the KBM of 800 g', () => {
    const judged = judgeWeightGains('2024-01-20', [weighing('a', '2024-01-25', 3.2), weighing('b', '2024-02-25', 4.0)]);
    expect(judged.get('b')).toEqual({ judgement: 'N', gainGrams: 800, kbmGrams: 800, consecutiveT: 0 });
  });
});

describe('calendar months', () => {
  it('takes 31 January and 1 February as consecutive months', () => {
    const judged = given(weighing('a', '2025-01-31', 10), weighing('b', '2025-02-01', 10.2)).judged();
    expect(judged.get('b')).toMatchObject({ judgement: 'N', gainGrams: 200 });
  });

  it('takes December and the next January as consecutive months', () => {
    const judged = given(weighing('a', '2024-12-20', 9), weighing('b', '2025-01-05', 9.1)).judged();
    expect(judged.get('b')).toMatchObject({ judgement: 'T', gainGrams: 100, kbmGrams: 200 });
  });

  it('judges O when last month was missed (January then March)', () => {
    const judged = given(weighing('a', '2025-01-15', 10), weighing('b', '2025-03-15', 11)).judged();
    expect(judged.get('b')).toEqual({ judgement: 'O', gainGrams: null, kbmGrams: null, consecutiveT: 0 });
  });

  it('judges the next month against the latest weighing of a month weighed twice', () => {
    const judged = given(
      weighing('a', '2025-01-10', 10),
      weighing('b', '2025-02-05', 10.5),
      weighing('c', '2025-02-25', 10.3),
      weighing('d', '2025-03-15', 10.5),
    ).judged();
    expect(judged.get('b')).toMatchObject({ judgement: 'N', gainGrams: 500 });
    expect(judged.get('c')).toMatchObject({ judgement: 'N', gainGrams: 300 });
    expect(judged.get('d')).toMatchObject({ judgement: 'N', gainGrams: 200 });
  });

  it('takes the later recorded of two weighings on one day as the month’s (ids sort in recording order)', () => {
    const judged = given(
      weighing('a', '2025-01-10', 10),
      weighing('c', '2025-02-10', 10.1),
      weighing('b', '2025-02-10', 10.4),
      weighing('d', '2025-03-10', 10.35),
    ).judged();
    expect(judged.get('d')).toMatchObject({ judgement: 'N', gainGrams: 250 });
  });
});

describe('T in a row (2T)', () => {
  it('counts consecutive months of T, and an N ends the run', () => {
    const judged = given(
      weighing('a', dayOf(12), 9),
      weighing('b', dayOf(13), 9.1),
      weighing('c', dayOf(14), 9.1),
      weighing('d', dayOf(15), 9.0),
      weighing('e', dayOf(16), 9.3),
      weighing('f', dayOf(17), 9.3),
    ).judged();
    expect(['b', 'c', 'd', 'e', 'f'].map((id) => [judged.get(id)?.judgement, judged.get(id)?.consecutiveT])).toEqual([
      ['T', 1],
      ['T', 2],
      ['T', 3],
      ['N', 0],
      ['T', 1],
    ]);
  });

  it('starts again after a missed month (O)', () => {
    const judged = given(
      weighing('a', dayOf(12), 9),
      weighing('b', dayOf(13), 9.1),
      weighing('c', dayOf(15), 9.1),
      weighing('d', dayOf(16), 9.1),
    ).judged();
    expect(judged.get('c')?.judgement).toBe('O');
    expect(judged.get('d')).toMatchObject({ judgement: 'T', consecutiveT: 1 });
  });
});

describe('a merge, a void and a correction', () => {
  it('judges the union of two merged records as one history', () => {
    const kept = [weighing('a', dayOf(12), 9), weighing('c', dayOf(14), 9.5)];
    const duplicate = [weighing('b', dayOf(13), 9.3)];
    expect(
      given(...kept)
        .judged()
        .get('c')?.judgement,
    ).toBe('O');
    const merged = given(...kept, ...duplicate).judged();
    expect(merged.get('b')).toMatchObject({ judgement: 'N', gainGrams: 300 });
    expect(merged.get('c')).toMatchObject({ judgement: 'N', gainGrams: 200 });
  });

  it('turns next month into O when last month’s weighing is voided', () => {
    const history = given(weighing('a', dayOf(12), 9), weighing('b', dayOf(13), 9.3), weighing('c', dayOf(14), 9.5));
    const { after, changed } = history.after({ type: 'voided', measurementId: 'b' });
    expect(after.has('b')).toBe(false);
    expect(changed).toEqual([
      { measurementId: 'c', weightGain: { judgement: 'O', gainGrams: null, kbmGrams: null, consecutiveT: 0 } },
    ]);
  });

  it('turns this month’s N into T when last month’s weight is corrected upwards', () => {
    const history = given(weighing('a', dayOf(12), 9), weighing('b', dayOf(13), 9.3), weighing('c', dayOf(14), 9.5));
    expect(history.judged().get('c')).toMatchObject({ judgement: 'N', gainGrams: 200 });
    const { changed } = history.after({ type: 'corrected', measurementId: 'b', measuredOn: dayOf(13), weightKg: 9.4 });
    expect(changed).toEqual([
      { measurementId: 'b', weightGain: { judgement: 'N', gainGrams: 400, kbmGrams: 200, consecutiveT: 0 } },
      { measurementId: 'c', weightGain: { judgement: 'T', gainGrams: 100, kbmGrams: 200, consecutiveT: 1 } },
    ]);
  });

  it('drops a measurement whose weight is corrected away, and counts one recorded without weight as no weighing', () => {
    const history = given(weighing('a', dayOf(12), 9), weighing('b', dayOf(13), 9.3));
    const { after } = history.after(
      { type: 'corrected', measurementId: 'b', measuredOn: dayOf(13), weightKg: null },
      { type: 'recorded', measurementId: 'c', measuredOn: dayOf(13, 20), weightKg: null },
    );
    expect([...after.keys()]).toEqual(['a']);
  });

  it('tells no change for a weighing judged the same, nor for one never judged before', () => {
    const history = given(weighing('a', dayOf(12), 9), weighing('b', dayOf(13), 9.3));
    const { changed } = history.after({ type: 'recorded', measurementId: 'c', measuredOn: dayOf(14), weightKg: 9.5 });
    expect(changed).toEqual([]);
  });
});

describe('judging only the recent months of a history', () => {
  const history = [
    weighing('a', dayOf(12), 9),
    weighing('b', dayOf(13), 9.1),
    weighing('c', dayOf(14), 9.15),
    weighing('d', dayOf(15, 3), 9.1),
    weighing('e', dayOf(15, 20), 9.2),
    weighing('f', dayOf(16), 9.3),
    weighing('g', dayOf(18), 9.6),
  ];
  const full = judgeWeightGains(BORN, history);

  it.each([1, 2, 3, 5, 6])(
    'given the judgement of the latest weighing before them, judges the %i-th weighing on as the whole history does',
    (from) => {
      const latest = history[from - 1];
      const windowed = judgeWeightGains(BORN, history.slice(from), {
        earlier: { latest, weightGain: full.get(latest.measurementId)! },
      });
      expect([...windowed]).toEqual([...full].slice(from));
    },
  );

  it('takes a never-judged earlier weighing as no run of T', () => {
    const windowed = judgeWeightGains(BORN, [weighing('c', dayOf(14), 9.15)], {
      earlier: { latest: weighing('b', dayOf(13), 9.1), weightGain: null },
    });
    expect(windowed.get('c')).toMatchObject({ judgement: 'T', consecutiveT: 1 });
    expect(full.get('c')).toMatchObject({ judgement: 'T', consecutiveT: 2 });
  });

  it('reads another KBM table when one is given (a policy change is an edit of data)', () => {
    const judged = judgeWeightGains(BORN, [weighing('a', dayOf(12), 9), weighing('b', dayOf(13), 9.2)], {
      table: [{ fromMonth: 11, toMonth: 60, grams: 250 }],
    });
    expect(judged.get('b')).toEqual({ judgement: 'T', gainGrams: 200, kbmGrams: 250, consecutiveT: 1 });
  });
});
