import { evolveChildCopy, evolveKnownChild, type ChildCopy, type IdentityEvent } from './known-child';

const childId = '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e5f';
const registered: IdentityEvent = {
  type: 'child.registered',
  data: {
    childId,
    sex: 'female',
    birthDate: '2024-03-01',
    birthWeightGrams: null,
    birthLengthCm: null,
    villageCode: '36.03.20.2002',
    districtCode: '36.03.20',
    regencyCode: '36.03',
    hasNik: false,
    personalDataVersion: 1,
    personalDataHash: 'h',
  },
};

describe('a service’s copy of a child', () => {
  it('follows registration, moves, deaths and merges', () => {
    const events: IdentityEvent[] = [
      registered,
      {
        type: 'child.relocated',
        data: {
          childId,
          movedOn: '2025-01-01',
          fromVillageCode: '36.03.20.2002',
          toVillageCode: '36.04.23.2015',
          toDistrictCode: '36.04.23',
          fromRegencyCode: '36.03',
          toRegencyCode: '36.04',
        },
      },
      { type: 'child.merged', data: { childId, intoChildId: 'survivor', reason: 'duplicate' } },
    ];
    expect(events.reduce(evolveKnownChild, null)).toMatchObject({
      regencyCode: '36.04',
      villageCode: '36.04.23.2015',
      status: 'merged',
      mergedInto: 'survivor',
    });
  });

  it('ignores events for a child it has not seen registered', () => {
    expect(evolveKnownChild(null, { type: 'child.died', data: { childId, diedOn: '2025-01-01' } })).toBeNull();
  });

  it('takes from a registration and a correction only the traits the copy keeps', () => {
    const keepBirthDate = (child: ChildCopy | null, event: IdentityEvent) =>
      evolveChildCopy(child, event, ({ birthDate }) => ({ birthDate }));
    // Only what the fold reads of a correction.
    const corrected = {
      type: 'child.corrected',
      data: { childId, sex: 'male', birthDate: '2024-02-01' },
    } as IdentityEvent;
    const copy = [registered, corrected].reduce<ChildCopy | null>(keepBirthDate, null);
    expect(copy).toMatchObject({ birthDate: '2024-02-01', villageCode: '36.03.20.2002', status: 'active' });
    expect(copy).not.toHaveProperty('sex');
  });
});
