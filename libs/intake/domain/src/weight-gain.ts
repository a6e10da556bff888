import {
  changedWeightGains,
  evolveWeighings,
  judgeWeightGains,
  type ToldWeightGain,
  type Weighing,
  type WeighingChange,
} from '@registry/growth-monitoring';
import type { MeasurementEvent } from './measurement';

/** A measurement of the child as intake holds it now, with the judgement its events last told. */
export interface StoredWeighing {
  readonly measurementId: string;
  /** The record it was taken for: a merged child's old measurements keep their own. */
  readonly childId: string;
  readonly regencyCode: string;
  readonly streamVersion: number;
  readonly measuredOn: string;
  readonly weightKg: number | null;
  /** null: none told (no weight, or recorded before the judgement existed). */
  readonly weightGain: ToldWeightGain | null;
}

/** What is judged again: the child's stored measurements from the first month a pending event touches on. */
export interface StoredHistory {
  readonly recent: readonly StoredWeighing[];
  /** The latest weighing (with a weight) before those months, if any: their judgement continues from it. */
  readonly earlier: (StoredWeighing & { readonly weightKg: number }) | null;
}

/**
 * The events about to be appended for one child's measurements, with the weight-gain judgement of each recorded or
 * corrected one; then a rejudgement for every other stored weighing whose judgement they change. Judged on the
 * history from the first month the events touch (a correction: the earlier of its old and new date) on, continued
 * from the latest weighing before it; the caller must hold the child's lock from reading the history to the commit:
 * two weighings judged at once would each judge against a history without the other. Measurements never judged
 * (recorded before the judgement existed) are not rejudged: nobody was told a judgement to revise.
 */
export function judgeWeightGain(
  birthDate: string,
  { recent: stored, earlier }: StoredHistory,
  events: readonly MeasurementEvent[],
): MeasurementEvent[] {
  const initial = new Map<string, Weighing>();
  for (const { measurementId, measuredOn, weightKg } of stored) {
    if (weightKg !== null) initial.set(measurementId, { measurementId, measuredOn, weightKg });
  }
  const changes = events.flatMap((event) => changeOf(event));
  const judged = judgeWeightGains(birthDate, changes.reduce(evolveWeighings, initial).values(), {
    earlier: earlier && {
      latest: { measurementId: earlier.measurementId, measuredOn: earlier.measuredOn, weightKg: earlier.weightKg },
      weightGain: earlier.weightGain,
    },
  });

  const touched = new Set(changes.map((change) => change.measurementId));
  const told = new Map<string, ToldWeightGain>();
  for (const weighing of stored) {
    if (!touched.has(weighing.measurementId) && weighing.weightGain)
      told.set(weighing.measurementId, weighing.weightGain);
  }
  const byId = new Map(stored.map((weighing) => [weighing.measurementId, weighing]));
  const rejudged = changedWeightGains(told, judged).map(({ measurementId, weightGain }): MeasurementEvent => {
    const { childId, regencyCode } = byId.get(measurementId)!;
    return { type: 'measurement.weight-gain-rejudged', data: { measurementId, childId, regencyCode, weightGain } };
  });
  return [...events.map((event) => withJudgement(event, judged)), ...rejudged];
}

function changeOf(event: MeasurementEvent): WeighingChange[] {
  switch (event.type) {
    case 'measurement.recorded':
    case 'measurement.corrected': {
      const { measurementId, measuredOn, weightKg } = event.data;
      return [
        { type: event.type === 'measurement.recorded' ? 'recorded' : 'corrected', measurementId, measuredOn, weightKg },
      ];
    }
    case 'measurement.voided':
      return [{ type: 'voided', measurementId: event.data.measurementId }];
    case 'measurement.weight-gain-rejudged':
      return [];
    default: {
      const unknown: never = event;
      throw new Error(`unknown measurement event ${(unknown as MeasurementEvent).type}`);
    }
  }
}

function withJudgement(event: MeasurementEvent, judged: ReadonlyMap<string, ToldWeightGain>): MeasurementEvent {
  if (event.type !== 'measurement.recorded' && event.type !== 'measurement.corrected') return event;
  const weightGain = judged.get(event.data.measurementId) ?? null;
  return event.type === 'measurement.recorded'
    ? { type: event.type, data: { ...event.data, weightGain } }
    : { type: event.type, data: { ...event.data, weightGain } };
}
