import { s, type Infer } from './schema';

/**
 * What the identity service records and publishes about a child: pseudonymous only. No NIK, no names, no address
 * below the desa — those stay sealed in the identity service, which the events reference by version and SHA-256.
 * `reason` is the officer's note on why; it must not repeat personal data.
 */
export const childEventSchemas = {
  'child.registered': s.object({
    childId: s.uuid(),
    sex: s.literal('male', 'female'),
    birthDate: s.isoDate(),
    birthWeightGrams: s.nullable(s.integer()),
    birthLengthCm: s.nullable(s.number()),
    villageCode: s.regionCode(4),
    districtCode: s.regionCode(3),
    regencyCode: s.regionCode(2),
    hasNik: s.boolean(),
    personalDataVersion: s.integer(),
    personalDataHash: s.string(),
  }),
  'child.corrected': s.object({
    childId: s.uuid(),
    sex: s.literal('male', 'female'),
    birthDate: s.isoDate(),
    birthWeightGrams: s.nullable(s.integer()),
    birthLengthCm: s.nullable(s.number()),
    hasNik: s.boolean(),
    /** Names of the fields this correction changed, personal ones included by name only. */
    changedFields: s.array(s.string()),
    personalDataVersion: s.nullable(s.integer()),
    personalDataHash: s.nullable(s.string()),
    reason: s.string(),
  }),
  'child.relocated': s.object({
    childId: s.uuid(),
    movedOn: s.isoDate(),
    fromVillageCode: s.regionCode(4),
    toVillageCode: s.regionCode(4),
    toDistrictCode: s.regionCode(3),
    fromRegencyCode: s.regionCode(2),
    toRegencyCode: s.regionCode(2),
  }),
  'child.died': s.object({ childId: s.uuid(), diedOn: s.isoDate() }),
  'child.merged': s.object({ childId: s.uuid(), intoChildId: s.uuid(), reason: s.string() }),
  'child.unmerged': s.object({ childId: s.uuid(), fromChildId: s.uuid(), reason: s.string() }),
  /** Someone read the child's personal data: who is in the envelope's actor. */
  'child.personal-data-accessed': s.object({ childId: s.uuid(), endpoint: s.string() }),
  /** The child's data key was destroyed: its personal data is unreadable everywhere from now on. */
  'child.personal-data-erased': s.object({ childId: s.uuid(), reason: s.string() }),
};

export type ChildEventType = keyof typeof childEventSchemas;
export type ChildEventData<T extends ChildEventType> = Infer<(typeof childEventSchemas)[T]>;
export type PublicChildEvent = { [T in ChildEventType]: { type: T; data: ChildEventData<T> } }[ChildEventType];
