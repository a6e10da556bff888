import type { JudgedMeasurement } from '@registry/contracts';
import type { MeasurementEvent } from './measurement';
import { judgeWeightGain, type StoredWeighing } from './weight-gain';

const childId = '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e5f';
const BORN = '2024-01-01';
const id = (n: number) => `0193f1c2-7a5b-7c3d-8e9f-00000000000${n}`;

const stored = (
  n: number,
  measuredOn: string,
  weightKg: number | null,
  weightGain: StoredWeighing['weightGain'] = null,
): StoredWeighing => ({
  measurementId: id(n),
  childId,
  regencyCode: '36.03',
  streamVersion: 1,
  measuredOn,
  weightKg,
  weightGain,
});

/** Only what the judgement reads: the rest of a judged measurement plays no part here. */
const judged = (n: number, measuredOn: string, weightKg: number | null) =>
  ({ measurementId: id(n), childId, measuredOn, weightKg, regencyCode: '36.03' }) as unknown as JudgedMeasurement;
const recorded = (n: number, measuredOn: string, weightKg: number | null): MeasurementEvent => ({
  type: 'measurement.recorded',
  data: { ...judged(n, measuredOn, weightKg), sourceRecordId: null },
});
const corrected = (n: number, measuredOn: string, weightKg: number | null): MeasurementEvent => ({
  type: 'measurement.corrected',
  data: { ...judged(n, measuredOn, weightKg), reason: 'misread scale' },
});
const voided = (n: number): MeasurementEvent => ({
  type: 'measurement.voided',
  data: { measurementId: id(n), childId, regencyCode: '36.03', reason: 'wrong child' },
});

const recent = (...weighings: StoredWeighing[]) => ({ recent: weighings, earlier: null });
const N200 = { judgement: 'N', gainGrams: 200, kbmGrams: 200, consecutiveT: 0 } as const;
const B = { judgement: 'B', gainGrams: null, kbmGrams: null, consecutiveT: 0 } as const;
const weightGainOf = (event: MeasurementEvent) => (event.data as { weightGain?: unknown }).weightGain;

describe('the weight-gain judgement of intake’s events', () => {
  it('judges a new weighing against last month’s stored one', () => {
    const events = judgeWeightGain(BORN, recent(stored(1, '2025-01-15', 10, B)), [recorded(2, '2025-02-15', 10.2)]);
    expect(events).toHaveLength(1);
    expect(weightGainOf(events[0])).toEqual(N200);
  });

  it('gives a measurement without a weight no judgement', () => {
    const events = judgeWeightGain(BORN, recent(stored(1, '2025-01-15', 10, B)), [recorded(2, '2025-02-15', null)]);
    expect(weightGainOf(events[0])).toBeNull();
  });

  it('given a correction of last month’s weight, judges it and rejudges this month N → T in a new event', () => {
    const history = [
      stored(1, '2025-01-15', 10, B),
      stored(2, '2025-02-15', 10.2, N200),
      stored(3, '2025-03-15', 10.4, N200),
    ];
    const events = judgeWeightGain(BORN, recent(...history), [corrected(2, '2025-02-15', 10.3)]);
    expect(events.map((event) => [event.type, event.data.measurementId, weightGainOf(event)])).toEqual([
      ['measurement.corrected', id(2), { judgement: 'N', gainGrams: 300, kbmGrams: 200, consecutiveT: 0 }],
      ['measurement.weight-gain-rejudged', id(3), { judgement: 'T', gainGrams: 100, kbmGrams: 200, consecutiveT: 1 }],
    ]);
    expect(events[1].data).toMatchObject({ childId, regencyCode: '36.03' });
  });

  it('given a void of last month’s weighing, rejudges this month O', () => {
    const history = [
      stored(1, '2025-01-15', 10, B),
      stored(2, '2025-02-15', 10.2, N200),
      stored(3, '2025-03-15', 10.4, N200),
    ];
    const events = judgeWeightGain(BORN, recent(...history), [voided(2)]);
    expect(events.map((event) => [event.type, event.data.measurementId, weightGainOf(event)])).toEqual([
      ['measurement.voided', id(2), undefined],
      ['measurement.weight-gain-rejudged', id(3), { judgement: 'O', gainGrams: null, kbmGrams: null, consecutiveT: 0 }],
    ]);
  });

  it('judges several new weighings of one child together, each against the others', () => {
    const events = judgeWeightGain(BORN, recent(), [recorded(2, '2025-02-15', 10.1), recorded(1, '2025-01-15', 10)]);
    expect(events.map(weightGainOf)).toEqual([{ judgement: 'T', gainGrams: 100, kbmGrams: 200, consecutiveT: 1 }, B]);
  });

  it('does not rejudge a weighing recorded before the judgement existed, nor one judged the same', () => {
    const history = [stored(1, '2025-01-15', 10), stored(2, '2025-02-15', 10.2, N200)];
    const events = judgeWeightGain(BORN, recent(...history), [recorded(3, '2025-03-15', 10.4)]);
    expect(events.map((event) => event.type)).toEqual(['measurement.recorded']);
  });

  it('rejudges later weighings when a late recording fills a missed month', () => {
    const history = [stored(1, '2025-01-15', 10, B), stored(3, '2025-03-15', 10.4, { ...B, judgement: 'O' })];
    const events = judgeWeightGain(BORN, recent(...history), [recorded(2, '2025-02-15', 10.2)]);
    expect(events.map((event) => [event.type, weightGainOf(event)])).toEqual([
      ['measurement.recorded', N200],
      ['measurement.weight-gain-rejudged', N200],
    ]);
  });

  it('judges the recent months on from the latest weighing before them, as the whole history does', () => {
    const january = stored(1, '2025-01-15', 10, B);
    const february = stored(2, '2025-02-15', 10.1, { judgement: 'T', gainGrams: 100, kbmGrams: 200, consecutiveT: 1 });
    const whole = judgeWeightGain(BORN, recent(january, february), [recorded(3, '2025-03-15', 10.1)]);
    const windowed = judgeWeightGain(BORN, { recent: [], earlier: { ...february, weightKg: 10.1 } }, [
      recorded(3, '2025-03-15', 10.1),
    ]);
    expect(windowed).toEqual(whole);
    expect(weightGainOf(windowed[0])).toEqual({ judgement: 'T', gainGrams: 0, kbmGrams: 200, consecutiveT: 2 });
  });
});
