import { RuleViolation } from '@registry/contracts';
import type { Child, ChildEvent, BirthFacts, PersonalDataRef, RegisteredChild, Residence } from './child';

export type ChildCommand =
  | {
      readonly type: 'RegisterChild';
      readonly data: BirthFacts & Residence & PersonalDataRef & { readonly childId: string };
    }
  | {
      readonly type: 'CorrectChild';
      readonly data: Partial<Omit<BirthFacts, 'hasNik'>> & {
        readonly hasNik?: boolean;
        /** Set when personal fields changed: the new sealed version, already stored beside the events. */
        readonly personalData?: PersonalDataRef;
        readonly personalFieldsChanged: string[];
        readonly reason: string;
      };
    }
  | { readonly type: 'RelocateChild'; readonly data: Residence & { readonly movedOn: string } }
  | { readonly type: 'RecordDeath'; readonly data: { readonly diedOn: string } }
  | { readonly type: 'MergeChild'; readonly data: { readonly intoChild: RegisteredChild; readonly reason: string } }
  | { readonly type: 'UnmergeChild'; readonly data: { readonly reason: string } };

/** A command the child's history does not allow. `kind` maps to the HTTP answer: 409 or 422. */
export class ChildRuleViolation extends RuleViolation {
  override readonly name = 'ChildRuleViolation';
}

/** Today (YYYY-MM-DD) in Indonesia, UTC+9 (todayInIndonesia): injected so decisions are reproducible. */
export interface DecisionContext {
  readonly today: string;
}

export function decide(command: ChildCommand, state: Child, context: DecisionContext): ChildEvent[] {
  switch (command.type) {
    case 'RegisterChild': {
      if (state.status !== 'unregistered')
        throw new ChildRuleViolation('conflict', 'childId', 'this child is already registered');
      const { data } = command;
      notAfter(data.birthDate, context.today, 'birthDate', 'birthDate cannot be in the future');
      return [{ type: 'child.registered', data }];
    }
    case 'CorrectChild': {
      const child = existing(state);
      if (child.status === 'merged') {
        throw new ChildRuleViolation(
          'conflict',
          'childId',
          `this record was merged into ${child.mergedInto}; correct that child instead`,
        );
      }
      const { data } = command;
      const next: BirthFacts = {
        sex: data.sex ?? child.sex,
        birthDate: data.birthDate ?? child.birthDate,
        birthWeightGrams: data.birthWeightGrams === undefined ? child.birthWeightGrams : data.birthWeightGrams,
        birthLengthCm: data.birthLengthCm === undefined ? child.birthLengthCm : data.birthLengthCm,
        hasNik: data.hasNik ?? child.hasNik,
      };
      notAfter(next.birthDate, context.today, 'birthDate', 'birthDate cannot be in the future');
      if (child.diedOn)
        notAfter(next.birthDate, child.diedOn, 'birthDate', 'birthDate cannot be after the recorded date of death');
      const changedFields = [
        ...(Object.keys(next) as Array<keyof BirthFacts>).filter((key) => key !== 'hasNik' && next[key] !== child[key]),
        ...data.personalFieldsChanged,
      ];
      if (changedFields.length === 0) {
        throw new ChildRuleViolation(
          'invalid',
          'fields',
          'the correction changes nothing: send at least one field with a new value',
        );
      }
      return [
        {
          type: 'child.corrected',
          data: {
            childId: child.childId,
            ...next,
            changedFields,
            personalDataVersion: data.personalData?.personalDataVersion ?? null,
            personalDataHash: data.personalData?.personalDataHash ?? null,
            reason: data.reason,
          },
        },
      ];
    }
    case 'RelocateChild': {
      const child = active(state, 'relocate');
      const { data } = command;
      if (data.villageCode === child.villageCode) {
        throw new ChildRuleViolation('invalid', 'villageCode', `the child already lives in ${child.villageCode}`);
      }
      notAfter(data.movedOn, context.today, 'movedOn', 'movedOn cannot be in the future');
      notAfter(child.birthDate, data.movedOn, 'movedOn', 'movedOn cannot be before the birth date');
      return [
        {
          type: 'child.relocated',
          data: {
            childId: child.childId,
            movedOn: data.movedOn,
            fromVillageCode: child.villageCode,
            toVillageCode: data.villageCode,
            toDistrictCode: data.districtCode,
            fromRegencyCode: child.regencyCode,
            toRegencyCode: data.regencyCode,
          },
        },
      ];
    }
    case 'RecordDeath': {
      const child = active(state, 'record a death of');
      const { diedOn } = command.data;
      notAfter(diedOn, context.today, 'diedOn', 'diedOn cannot be in the future');
      notAfter(child.birthDate, diedOn, 'diedOn', 'diedOn cannot be before the birth date');
      return [{ type: 'child.died', data: { childId: child.childId, diedOn } }];
    }
    case 'MergeChild': {
      const child = active(state, 'merge');
      const { intoChild, reason } = command.data;
      if (intoChild.childId === child.childId)
        throw new ChildRuleViolation('invalid', 'intoChildId', 'a child cannot be merged into itself');
      if (intoChild.status !== 'active') {
        throw new ChildRuleViolation(
          'conflict',
          'intoChildId',
          `the surviving child must be active, it is ${intoChild.status}`,
        );
      }
      return [{ type: 'child.merged', data: { childId: child.childId, intoChildId: intoChild.childId, reason } }];
    }
    case 'UnmergeChild': {
      const child = existing(state);
      if (child.status !== 'merged' || !child.mergedInto)
        throw new ChildRuleViolation('conflict', 'childId', 'this child is not merged');
      return [
        {
          type: 'child.unmerged',
          data: { childId: child.childId, fromChildId: child.mergedInto, reason: command.data.reason },
        },
      ];
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${(unknown as ChildCommand).type}`);
    }
  }
}

function existing(state: Child): RegisteredChild {
  if (state.status === 'unregistered') throw new ChildRuleViolation('not_found', 'childId', 'no such child');
  return state;
}

function active(state: Child, action: string): RegisteredChild {
  const child = existing(state);
  if (child.status !== 'active') {
    throw new ChildRuleViolation('conflict', 'childId', `cannot ${action} a child whose record is ${child.status}`);
  }
  return child;
}

function notAfter(date: string, limit: string, field: string, message: string): void {
  if (date > limit) throw new ChildRuleViolation('invalid', field, message);
}
