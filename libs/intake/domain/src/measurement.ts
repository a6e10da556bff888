import type { GrowthStandards, Position } from '@registry/anthropometry';
import { AnthropometryInputError } from '@registry/anthropometry';
import { isBgm } from '@registry/growth-monitoring';
import { RuleViolation } from '@registry/contracts';
import type { JudgedMeasurement, MeasurementEventData, MeasurementEventType } from '@registry/contracts';
import type { KnownChild } from '@registry/known-child';
import { onScale } from './measurement-scales';

export type MeasurementEvent = {
  [T in MeasurementEventType]: { readonly type: T; readonly data: MeasurementEventData<T> };
}[MeasurementEventType];

export type Measurement =
  | { readonly status: 'none' }
  | {
      readonly status: 'recorded' | 'voided';
      readonly current: JudgedMeasurement;
      readonly sourceRecordId: string | null;
    };

export const initialMeasurement: Measurement = { status: 'none' };

/** The values a posyandu or puskesmas reports for one visit. */
export interface MeasurementValues {
  readonly measuredOn: string;
  readonly weightKg: number | null;
  readonly heightCm: number | null;
  readonly position: Position | null;
  readonly headCircumferenceCm: number | null;
  readonly muacCm: number | null;
  readonly oedema: boolean;
  readonly puskesmasCode: string;
  readonly posyanduCode: string | null;
}

export type MeasurementCommand =
  | {
      readonly type: 'RecordMeasurement';
      readonly data: {
        readonly measurementId: string;
        readonly child: KnownChild;
        readonly values: MeasurementValues;
        readonly sourceRecordId: string | null;
      };
    }
  | {
      readonly type: 'CorrectMeasurement';
      readonly data: {
        readonly child: KnownChild;
        readonly values: Partial<MeasurementValues>;
        readonly reason: string;
      };
    }
  | { readonly type: 'VoidMeasurement'; readonly data: { readonly reason: string } };

/** A command the rules refuse; `field` names the field to fix. `kind` maps to 409 or 422. */
export class MeasurementRuleViolation extends RuleViolation {
  override readonly name = 'MeasurementRuleViolation';
}

export interface MeasurementContext {
  readonly standards: GrowthStandards;
  /** YYYY-MM-DD: what "in the future" means, injected. */
  readonly today: string;
}

export function evolveMeasurement(state: Measurement, event: MeasurementEvent): Measurement {
  switch (event.type) {
    case 'measurement.recorded': {
      const { sourceRecordId, ...current } = event.data;
      return { status: 'recorded', current, sourceRecordId };
    }
    case 'measurement.corrected': {
      const { reason: _reason, ...current } = event.data;
      return { status: 'recorded', current, sourceRecordId: state.status === 'none' ? null : state.sourceRecordId };
    }
    case 'measurement.voided':
      if (state.status === 'none') throw new Error('void applied to an unrecorded measurement');
      return { ...state, status: 'voided' };
    case 'measurement.weight-gain-rejudged':
      if (state.status === 'none') throw new Error('rejudgement applied to an unrecorded measurement');
      return { ...state, current: { ...state.current, weightGain: event.data.weightGain } };
    default: {
      const unknown: never = event;
      throw new Error(`unknown measurement event ${(unknown as MeasurementEvent).type}`);
    }
  }
}

export function decideMeasurement(
  command: MeasurementCommand,
  state: Measurement,
  context: MeasurementContext,
): MeasurementEvent[] {
  switch (command.type) {
    case 'RecordMeasurement': {
      if (state.status !== 'none')
        throw new MeasurementRuleViolation('conflict', 'measurementId', 'this measurement is already recorded');
      const { measurementId, child, values, sourceRecordId } = command.data;
      return [
        {
          type: 'measurement.recorded',
          data: { ...judge(measurementId, child, onScale(values), context), sourceRecordId },
        },
      ];
    }
    case 'CorrectMeasurement': {
      if (state.status === 'none')
        throw new MeasurementRuleViolation('not_found', 'measurementId', 'no such measurement');
      if (state.status === 'voided')
        throw new MeasurementRuleViolation('conflict', 'measurementId', 'a voided measurement cannot be corrected');
      const { child, values, reason } = command.data;
      // Only the values sent are brought to scale: a kept value stays as it was recorded.
      const merged = { ...recordedValuesOf(state.current), ...onScale(values) };
      // Judged on the child's facts as now known, but it stays where it was taken: a child who moved since
      // still counts there (and its TPPS there keeps the record).
      const { villageCode, districtCode, regencyCode } = state.current;
      const measuredAt = { ...child, villageCode, districtCode, regencyCode };
      return [
        {
          type: 'measurement.corrected',
          data: { ...judge(state.current.measurementId, measuredAt, merged, context), reason },
        },
      ];
    }
    case 'VoidMeasurement': {
      if (state.status === 'none')
        throw new MeasurementRuleViolation('not_found', 'measurementId', 'no such measurement');
      if (state.status === 'voided')
        throw new MeasurementRuleViolation('conflict', 'measurementId', 'this measurement is already voided');
      const { measurementId, childId, regencyCode } = state.current;
      return [
        { type: 'measurement.voided', data: { measurementId, childId, regencyCode, reason: command.data.reason } },
      ];
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${(unknown as MeasurementCommand).type}`);
    }
  }
}

const recordedValuesOf = (m: JudgedMeasurement): MeasurementValues => ({
  measuredOn: m.measuredOn,
  weightKg: m.weightKg,
  heightCm: m.heightCm,
  position: m.position,
  headCircumferenceCm: m.headCircumferenceCm,
  muacCm: m.muacCm,
  oedema: m.oedema,
  puskesmasCode: m.puskesmasCode,
  posyanduCode: m.posyanduCode,
});

/** Judges the values by the WHO standards for this child; impossible values are refused naming the field. */
function judge(
  measurementId: string,
  child: KnownChild,
  values: MeasurementValues,
  context: MeasurementContext,
): JudgedMeasurement {
  try {
    const assessment = context.standards.assess(
      {
        sex: child.sex,
        birthDate: child.birthDate,
        measuredOn: values.measuredOn,
        weightKg: values.weightKg,
        heightCm: values.heightCm,
        position: values.position,
        headCircumferenceCm: values.headCircumferenceCm,
        muacCm: values.muacCm,
        oedema: values.oedema,
        diedOn: child.diedOn,
      },
      { today: context.today },
    );
    return {
      measurementId,
      childId: child.childId,
      ...values,
      ageDays: assessment.ageDays,
      ageMonths: assessment.ageMonths,
      correctedHeightCm: assessment.correctedHeightCm,
      zScores: assessment.zScores,
      classifications: assessment.classifications,
      flags: assessment.flags,
      villageCode: child.villageCode,
      districtCode: child.districtCode,
      regencyCode: child.regencyCode,
      standard: assessment.standard,
      bgm: isBgm(assessment.zScores.weightForAge, assessment.flags.weightForAge),
    };
  } catch (error) {
    if (error instanceof AnthropometryInputError)
      throw new MeasurementRuleViolation('invalid', error.field, error.message);
    throw error;
  }
}

export const foldMeasurement = (events: readonly MeasurementEvent[]): Measurement =>
  events.reduce(evolveMeasurement, initialMeasurement);
