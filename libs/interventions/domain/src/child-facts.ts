import type { ChildEventData, ChildEventType, JudgedMeasurement } from '@registry/contracts';
import { addDays } from './calendar';

/** What the intervention service knows of a child: enough to judge cases and interventions, nothing personal. */
export interface ChildFacts {
  readonly childId: string;
  readonly birthDate: string;
  readonly villageCode: string;
  readonly districtCode: string;
  readonly regencyCode: string;
  readonly status: 'active' | 'died' | 'merged';
  readonly diedOn: string | null;
  readonly mergedInto: string | null;
}

export type IdentityEvent = {
  [T in ChildEventType]: { readonly type: T; readonly data: ChildEventData<T> };
}[ChildEventType];

/**
 * The child as a measurement describes it, for a measurement that arrives before the identity service's
 * registration (two topics, no order between them): the birth date follows from the age in days.
 */
export const childFactsFromMeasurement = (measurement: JudgedMeasurement): ChildFacts => ({
  childId: measurement.childId,
  birthDate: addDays(measurement.measuredOn, -measurement.ageDays),
  villageCode: measurement.villageCode,
  districtCode: measurement.districtCode,
  regencyCode: measurement.regencyCode,
  status: 'active',
  diedOn: null,
  mergedInto: null,
});

/** Folds one identity event into the child; events about other things leave it unchanged. */
export function evolveChildFacts(child: ChildFacts | null, event: IdentityEvent): ChildFacts | null {
  switch (event.type) {
    case 'child.registered': {
      const { childId, birthDate, villageCode, districtCode, regencyCode } = event.data;
      return {
        childId,
        birthDate,
        villageCode,
        districtCode,
        regencyCode,
        status: 'active',
        diedOn: null,
        mergedInto: null,
      };
    }
    case 'child.corrected':
      return child && { ...child, birthDate: event.data.birthDate };
    case 'child.relocated':
      return (
        child && {
          ...child,
          villageCode: event.data.toVillageCode,
          districtCode: event.data.toDistrictCode,
          regencyCode: event.data.toRegencyCode,
        }
      );
    case 'child.died':
      return child && { ...child, status: 'died', diedOn: event.data.diedOn };
    case 'child.merged':
      return child && { ...child, status: 'merged', mergedInto: event.data.intoChildId };
    case 'child.unmerged':
      return child && { ...child, status: 'active', mergedInto: null };
    case 'child.personal-data-accessed':
    case 'child.personal-data-erased':
      return child;
    default: {
      const unknown: never = event;
      throw new Error(`unknown identity event ${(unknown as IdentityEvent).type}`);
    }
  }
}
