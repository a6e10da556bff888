import type { ChildEventData, ChildEventType } from '@registry/contracts';

export type Sex = 'male' | 'female';

/**
 * Events never hold personal data. NIK, names and address lines are sealed with the child's own key and kept
 * beside the events, one immutable version per change; an event names the version and its SHA-256, so the hash
 * chain also covers them, and erasing the key (crypto-shredding) leaves the events and statistics intact.
 */
export interface PersonalDataRef {
  readonly personalDataVersion: number;
  readonly personalDataHash: string;
}

/** Keyed hashes of personal values: find duplicates and look children up without storing the values in clear. */
export interface Lookups {
  readonly nik: string | null;
  readonly familyCard: string | null;
  readonly name: string;
  readonly motherName: string;
}

/** What a registration states of the child apart from who it is and where it lives: sex and birth. */
export interface BirthFacts {
  readonly sex: Sex;
  readonly birthDate: string;
  readonly birthWeightGrams: number | null;
  readonly birthLengthCm: number | null;
  readonly hasNik: boolean;
}

export interface Residence {
  readonly villageCode: string;
  readonly districtCode: string;
  readonly regencyCode: string;
}

/** The events of a child's own stream, exactly as published (contracts in @registry/contracts). */
export type ChildEvent = {
  [T in ChildStreamEventType]: { readonly type: T; readonly data: ChildEventData<T> };
}[ChildStreamEventType];

type ChildStreamEventType = Exclude<ChildEventType, 'child.personal-data-accessed' | 'child.personal-data-erased'>;

export type Child =
  | { readonly status: 'unregistered' }
  | (BirthFacts &
      Residence & {
        readonly status: 'active' | 'died' | 'merged';
        readonly childId: string;
        readonly personalDataVersion: number;
        readonly diedOn: string | null;
        readonly mergedInto: string | null;
      });

export type RegisteredChild = Exclude<Child, { status: 'unregistered' }>;

export const initialChild: Child = { status: 'unregistered' };

export function evolve(state: Child, event: ChildEvent): Child {
  switch (event.type) {
    case 'child.registered': {
      const {
        childId,
        sex,
        birthDate,
        birthWeightGrams,
        birthLengthCm,
        hasNik,
        villageCode,
        districtCode,
        regencyCode,
        personalDataVersion,
      } = event.data;
      return {
        status: 'active',
        childId,
        sex,
        birthDate,
        birthWeightGrams,
        birthLengthCm,
        hasNik,
        villageCode,
        districtCode,
        regencyCode,
        personalDataVersion,
        diedOn: null,
        mergedInto: null,
      };
    }
    case 'child.corrected': {
      const child = registered(state);
      const { sex, birthDate, birthWeightGrams, birthLengthCm, hasNik, personalDataVersion } = event.data;
      return {
        ...child,
        sex,
        birthDate,
        birthWeightGrams,
        birthLengthCm,
        hasNik,
        personalDataVersion: personalDataVersion ?? child.personalDataVersion,
      };
    }
    case 'child.relocated': {
      const child = registered(state);
      const { toVillageCode, toDistrictCode, toRegencyCode } = event.data;
      return { ...child, villageCode: toVillageCode, districtCode: toDistrictCode, regencyCode: toRegencyCode };
    }
    case 'child.died':
      return { ...registered(state), status: 'died', diedOn: event.data.diedOn };
    case 'child.merged':
      return { ...registered(state), status: 'merged', mergedInto: event.data.intoChildId };
    case 'child.unmerged':
      return { ...registered(state), status: 'active', mergedInto: null };
    default: {
      const unknown: never = event;
      throw new Error(`unknown child event ${(unknown as ChildEvent).type}`);
    }
  }
}

function registered(state: Child): RegisteredChild {
  if (state.status === 'unregistered') throw new Error('event applied to an unregistered child');
  return state;
}

export const foldChild = (events: readonly ChildEvent[]): Child => events.reduce(evolve, initialChild);
