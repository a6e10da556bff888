import { RuleViolation } from '@registry/contracts';
import type { InterventionEventData } from '@registry/contracts';
import { completedMonths } from './calendar';
import { appliesAtAge, interventionType, isOpd, type FundingSource, type InterventionType } from './catalog';
import type { ChildFacts } from './child-facts';

type InterventionEventType = 'intervention.planned' | 'intervention.delivered' | 'intervention.cancelled';

export type InterventionEvent = {
  [T in InterventionEventType]: { readonly type: T; readonly data: InterventionEventData<T> };
}[InterventionEventType];

/** What every planned or delivered intervention carries besides its dates. */
export type InterventionDetails = Omit<InterventionEventData<'intervention.planned'>, 'plannedOn'>;

export type Intervention =
  | { readonly status: 'none' }
  | {
      readonly status: 'planned';
      readonly details: InterventionDetails;
      readonly plannedOn: string;
      readonly deliveredOn: null;
    }
  | {
      readonly status: 'delivered';
      readonly details: InterventionDetails;
      readonly plannedOn: string | null;
      readonly deliveredOn: string;
    }
  | {
      readonly status: 'cancelled';
      readonly details: InterventionDetails;
      readonly plannedOn: string | null;
      readonly deliveredOn: string | null;
      readonly reason: string;
    };

export const initialIntervention: Intervention = { status: 'none' };

/** What the caller states about an intervention: planned for a day, or delivered on one (perhaps as planned). */
export interface InterventionRequest {
  readonly type: string;
  readonly provider: string;
  readonly quantity: number;
  readonly unit: string;
  readonly fundingSource: FundingSource;
  readonly sponsorshipId: string | null;
  readonly notes: string | null;
  readonly schedule:
    | { readonly status: 'planned'; readonly plannedOn: string }
    | { readonly status: 'delivered'; readonly plannedOn: string | null; readonly deliveredOn: string };
}

export type InterventionCommand =
  | {
      readonly type: 'RecordIntervention';
      readonly data: {
        readonly interventionId: string;
        readonly child: ChildFacts;
        /** The open case whose package the intervention serves, if any. */
        readonly caseId: string | null;
        readonly request: InterventionRequest;
      };
    }
  | {
      readonly type: 'DeliverIntervention';
      readonly data: {
        readonly child: ChildFacts;
        readonly deliveredOn: string;
        /** What was actually given, when it differs from the plan. */
        readonly quantity: number | null;
        readonly notes: string | null;
      };
    }
  | { readonly type: 'CancelIntervention'; readonly data: { readonly reason: string } };

/** A command the rules refuse; `field` names the field to fix. `kind` maps to 409, 404 or 422. */
export class InterventionRuleViolation extends RuleViolation {
  override readonly name = 'InterventionRuleViolation';
}

export interface InterventionContext {
  /** YYYY-MM-DD: what "in the future" means, injected. */
  readonly today: string;
}

export function evolveIntervention(state: Intervention, event: InterventionEvent): Intervention {
  switch (event.type) {
    case 'intervention.planned': {
      const { plannedOn, ...details } = event.data;
      return { status: 'planned', details, plannedOn, deliveredOn: null };
    }
    case 'intervention.delivered': {
      const { plannedOn, deliveredOn, ...details } = event.data;
      return { status: 'delivered', details, plannedOn, deliveredOn };
    }
    case 'intervention.cancelled':
      if (state.status === 'none') throw new Error('intervention.cancelled applied to an unrecorded intervention');
      return { ...state, status: 'cancelled', reason: event.data.reason };
    default: {
      const unknown: never = event;
      throw new Error(`unknown intervention event ${(unknown as InterventionEvent).type}`);
    }
  }
}

export const foldIntervention = (events: readonly InterventionEvent[]): Intervention =>
  events.reduce(evolveIntervention, initialIntervention);

export function decideIntervention(
  command: InterventionCommand,
  state: Intervention,
  context: InterventionContext,
): InterventionEvent[] {
  switch (command.type) {
    case 'RecordIntervention': {
      if (state.status !== 'none')
        throw new InterventionRuleViolation('conflict', 'interventionId', 'this intervention is already recorded');
      const { interventionId, child, caseId, request } = command.data;
      const entry = recordableType(request.type);
      checkDetails(entry, request);
      const details: InterventionDetails = {
        interventionId,
        childId: child.childId,
        caseId,
        type: entry.code,
        category: entry.category,
        provider: request.provider,
        quantity: request.quantity,
        unit: request.unit,
        fundingSource: request.fundingSource,
        sponsorshipId: request.sponsorshipId,
        notes: request.notes,
        regencyCode: child.regencyCode,
      };
      const { schedule } = request;
      if (schedule.status === 'planned') {
        if (child.status === 'died')
          throw invalid('childId', `the child died on ${child.diedOn}: nothing can be planned for it`);
        notBefore(schedule.plannedOn, child.birthDate, 'plannedOn', "plannedOn is before the child's birth");
        appliesOn(entry, child, schedule.plannedOn, 'type');
        return [{ type: 'intervention.planned', data: { ...details, plannedOn: schedule.plannedOn } }];
      }
      if (schedule.plannedOn !== null)
        notBefore(schedule.plannedOn, child.birthDate, 'plannedOn', "plannedOn is before the child's birth");
      checkDelivery(schedule.deliveredOn, schedule.plannedOn, child, context);
      appliesOn(entry, child, schedule.deliveredOn, 'type');
      return [
        {
          type: 'intervention.delivered',
          data: { ...details, plannedOn: schedule.plannedOn, deliveredOn: schedule.deliveredOn },
        },
      ];
    }
    case 'DeliverIntervention': {
      if (state.status === 'none')
        throw new InterventionRuleViolation('not_found', 'interventionId', 'no such intervention');
      if (state.status !== 'planned')
        throw new InterventionRuleViolation(
          'conflict',
          'interventionId',
          `this intervention is already ${state.status}`,
        );
      const { child, deliveredOn, quantity, notes } = command.data;
      checkDelivery(deliveredOn, state.plannedOn, child, context);
      appliesOn(recordableType(state.details.type), child, deliveredOn, 'deliveredOn');
      return [
        {
          type: 'intervention.delivered',
          data: {
            ...state.details,
            quantity: quantity ?? state.details.quantity,
            notes: notes ?? state.details.notes,
            plannedOn: state.plannedOn,
            deliveredOn,
          },
        },
      ];
    }
    case 'CancelIntervention': {
      if (state.status === 'none')
        throw new InterventionRuleViolation('not_found', 'interventionId', 'no such intervention');
      if (state.status === 'cancelled')
        throw new InterventionRuleViolation('conflict', 'interventionId', 'this intervention is already cancelled');
      const { interventionId, childId, regencyCode } = state.details;
      return [
        { type: 'intervention.cancelled', data: { interventionId, childId, reason: command.data.reason, regencyCode } },
      ];
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${(unknown as InterventionCommand).type}`);
    }
  }
}

const invalid = (field: string, message: string) => new InterventionRuleViolation('invalid', field, message);

type RecordableType = InterventionType & { readonly ageMonths: NonNullable<InterventionType['ageMonths']> };

/** A known type that is given to a balita or its household; others are listed in the catalog but not recorded. */
function recordableType(code: string): RecordableType {
  const entry = interventionType(code);
  if (!entry) throw invalid('type', `unknown intervention type ${code}: see GET /v1/intervention-types`);
  if (entry.ageMonths === null)
    throw invalid('type', `${code} is for ${entry.target.replace('_', ' ')}s, not recorded against a child`);
  return entry as RecordableType;
}

function checkDetails(entry: InterventionType, request: InterventionRequest): void {
  if (!isOpd(request.provider))
    throw invalid('provider', `unknown OPD ${request.provider}: see GET /v1/intervention-types for the OPD codes`);
  if (request.unit !== entry.unit)
    throw invalid('unit', `${entry.code} is counted in ${entry.unit}, not ${request.unit}`);
  if (request.fundingSource === 'SPONSORSHIP' && request.sponsorshipId === null)
    throw invalid('sponsorshipId', 'funding by SPONSORSHIP needs the sponsorshipId of the Orang Tua Asuh commitment');
  if (request.fundingSource !== 'SPONSORSHIP' && request.sponsorshipId !== null)
    throw invalid('sponsorshipId', `sponsorshipId is only for fundingSource SPONSORSHIP, not ${request.fundingSource}`);
}

function checkDelivery(deliveredOn: string, plannedOn: string | null, child: ChildFacts, context: InterventionContext) {
  if (deliveredOn > context.today) throw invalid('deliveredOn', `deliveredOn ${deliveredOn} is in the future`);
  notBefore(deliveredOn, child.birthDate, 'deliveredOn', "deliveredOn is before the child's birth");
  if (plannedOn !== null)
    notBefore(deliveredOn, plannedOn, 'deliveredOn', `deliveredOn is before the day it was planned for (${plannedOn})`);
  if (child.diedOn !== null && deliveredOn > child.diedOn)
    throw invalid('deliveredOn', `deliveredOn ${deliveredOn} is after the child's recorded death (${child.diedOn})`);
}

function notBefore(date: string, earliest: string, field: string, message: string): void {
  if (date < earliest) throw invalid(field, message);
}

function appliesOn(entry: RecordableType, child: ChildFacts, on: string, field: string): void {
  const age = completedMonths(child.birthDate, on);
  if (!appliesAtAge(entry, age)) {
    const { from, to } = entry.ageMonths;
    throw invalid(
      field,
      `${entry.code} is given from ${from} to under ${to} months; on ${on} the child is ${age} months`,
    );
  }
}
