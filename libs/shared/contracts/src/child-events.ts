import { s, type Infer } from './schema';

/**
 * What the identity service publishes about a child: pseudonymous only. No NIK, no names, no address below
 * the desa — those stay encrypted in the identity service.
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
  'child.merged': s.object({ childId: s.uuid(), intoChildId: s.uuid() }),
  'child.unmerged': s.object({ childId: s.uuid(), fromChildId: s.uuid() }),
};

export type ChildEventType = keyof typeof childEventSchemas;
export type ChildEventData<T extends ChildEventType> = Infer<(typeof childEventSchemas)[T]>;
export type PublicChildEvent = { [T in ChildEventType]: { type: T; data: ChildEventData<T> } }[ChildEventType];
