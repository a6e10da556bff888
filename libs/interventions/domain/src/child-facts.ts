import type { JudgedMeasurement } from '@registry/contracts';
import { evolveChildCopy, type ChildCopy, type IdentityEvent } from '@registry/known-child';
import { addDays } from './calendar';

/** What the intervention service knows of a child: enough to judge cases and interventions, nothing personal. */
export type ChildFacts = ChildCopy;

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

/** Folds one identity event into the child, of whose traits this service keeps the birth date only. */
export function evolveChildFacts(child: ChildFacts | null, event: IdentityEvent): ChildFacts | null {
  return evolveChildCopy(child, event, ({ birthDate }) => ({ birthDate }));
}
