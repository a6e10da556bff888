import type { InterventionEventData } from '@registry/contracts';
import { daysBetween } from './calendar';
import type { CaseSeverity, CaseType } from './catalog';

type CaseEventType = 'case.opened' | 'case.closed' | 'case.transferred';

export type CaseEvent = {
  [T in CaseEventType]: { readonly type: T; readonly data: InterventionEventData<T> };
}[CaseEventType];

export type CloseReason = InterventionEventData<'case.closed'>['reason'];

interface CaseFields {
  readonly caseId: string;
  readonly childId: string;
  readonly type: CaseType;
  readonly severity: CaseSeverity;
  readonly urgent: boolean;
  readonly triggeringMeasurementId: string;
  readonly openedOn: string;
  /** Where the case is followed now: the TPPS of this regency owns it. */
  readonly regencyCode: string;
  readonly districtCode: string;
  readonly villageCode: string;
  /** Every regency the case has been followed in, oldest first: each keeps seeing its history. */
  readonly regencyHistory: readonly string[];
}

export type OpenCase = CaseFields & { readonly status: 'open' };

export type ClosedCase = CaseFields & {
  readonly status: 'closed';
  readonly closedOn: string;
  readonly reason: CloseReason;
  readonly closingMeasurementId: string | null;
};

export type KnownCase = OpenCase | ClosedCase;

/** One case: a child found stunted, wasted, or 2T or BGM, from the measurement that showed it until it ends. */
export type Case = { readonly status: 'none' } | KnownCase;

export const initialCase: Case = { status: 'none' };

export function evolveCase(state: Case, event: CaseEvent): Case {
  switch (event.type) {
    case 'case.opened': {
      const { regencyCode, ...fields } = event.data;
      return { ...fields, regencyCode, regencyHistory: [regencyCode], status: 'open' };
    }
    case 'case.closed': {
      if (state.status !== 'open') throw new Error(`case.closed applied to a case that is ${state.status}`);
      const { closedOn, reason, measurementId } = event.data;
      return { ...state, status: 'closed', closedOn, reason, closingMeasurementId: measurementId };
    }
    case 'case.transferred': {
      if (state.status !== 'open') throw new Error(`case.transferred applied to a case that is ${state.status}`);
      const { toRegencyCode, toDistrictCode, toVillageCode } = event.data;
      return {
        ...state,
        regencyCode: toRegencyCode,
        districtCode: toDistrictCode,
        villageCode: toVillageCode,
        regencyHistory: state.regencyHistory.includes(toRegencyCode)
          ? state.regencyHistory
          : [...state.regencyHistory, toRegencyCode],
      };
    }
    default: {
      const unknown: never = event;
      throw new Error(`unknown case event ${(unknown as CaseEvent).type}`);
    }
  }
}

export const foldCase = (events: readonly CaseEvent[]): Case => events.reduce(evolveCase, initialCase);

/** How long the case has been (or was) open, in days. */
export const daysOpen = (theCase: KnownCase, today: string): number =>
  daysBetween(theCase.openedOn, theCase.status === 'closed' ? theCase.closedOn : today);
