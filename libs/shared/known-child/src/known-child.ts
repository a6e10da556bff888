import type { ChildEventData, ChildEventType } from '@registry/contracts';

/** What a service other than identity knows of a child, from identity's events: enough to act, never who the child is. */
export interface KnownChild {
  readonly childId: string;
  readonly sex: 'male' | 'female';
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

/** What every service's copy of a child follows alike: where it lives and whether it still counts. */
export type ChildLifecycle = Pick<
  KnownChild,
  'villageCode' | 'districtCode' | 'regencyCode' | 'status' | 'diedOn' | 'mergedInto'
>;

/** The identity events each service folds its own way: what it copies from the registration and corrections. */
export type FactEvent = Extract<IdentityEvent, { type: 'child.registered' | 'child.corrected' }>;

/**
 * Folds a move, death, merge or unmerge into any service's copy of a child (null: a child it has not seen);
 * registration and corrections are each copy's own (see evolveKnownChild).
 */
export function evolveLifecycle<C extends ChildLifecycle>(
  child: C | null,
  event: Exclude<IdentityEvent, FactEvent>,
): C | null {
  switch (event.type) {
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

/** What every service's copy of a child holds: all it knows but the sex, which only some copies keep. */
export type ChildCopy = Omit<KnownChild, 'sex'>;

/** What identity says of the child itself when it registers or corrects it, of which each copy keeps its part. */
export type ChildTraits = Pick<KnownChild, 'sex' | 'birthDate'>;

/**
 * Folds one identity event into a service's copy of a child, which takes from a registration or correction the
 * traits `kept` picks; events about other things leave it unchanged.
 */
export function evolveChildCopy<C extends ChildCopy>(
  child: C | null,
  event: IdentityEvent,
  kept: (traits: ChildTraits) => Omit<C, Exclude<keyof ChildCopy, 'birthDate'>>,
): C | null {
  switch (event.type) {
    case 'child.registered': {
      const { childId, villageCode, districtCode, regencyCode } = event.data;
      return {
        childId,
        ...kept(event.data),
        villageCode,
        districtCode,
        regencyCode,
        status: 'active',
        diedOn: null,
        mergedInto: null,
      } as C;
    }
    case 'child.corrected':
      return child && { ...child, ...kept(event.data) };
    default:
      return evolveLifecycle(child, event);
  }
}

/** Folds one identity event into a copy that keeps the sex too; events about other things leave it unchanged. */
export function evolveKnownChild(child: KnownChild | null, event: IdentityEvent): KnownChild | null {
  return evolveChildCopy(child, event, ({ sex, birthDate }) => ({ sex, birthDate }));
}

const CHANGING_TYPES: ReadonlySet<string> = new Set<ChildEventType>([
  'child.registered',
  'child.corrected',
  'child.relocated',
  'child.died',
  'child.merged',
  'child.unmerged',
]);

/** The identity events a copy of a child changes with; the others (reads and erasure of personal data) leave it. */
export const changesChild = (type: string): boolean => CHANGING_TYPES.has(type);
