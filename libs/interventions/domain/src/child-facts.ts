import type { JudgedMeasurement } from '@registry/contracts';
import { evolveLifecycle, type IdentityEvent, type KnownChild } from '@registry/known-child';
import { addDays } from './calendar';

/** What the intervention service knows of a child: enough to judge cases and interventions, nothing personal. */
export type ChildFacts = Omit<KnownChild, 'sex'>;

export type { IdentityEvent };

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
    default:
      return evolveLifecycle(child, event);
  }
}
