import type { JudgedMeasurement } from '@registry/contracts';
import { childFactsFromMeasurement, evolveChildFacts, type ChildFacts, type IdentityEvent } from './child-facts';

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

describe('what the intervention service knows of a child', () => {
  it('follows registration, corrections, moves, deaths, merges and unmerges', () => {
    const events: IdentityEvent[] = [
      registered,
      {
        type: 'child.corrected',
        data: {
          childId,
          sex: 'female',
          birthDate: '2024-03-02',
          birthWeightGrams: null,
          birthLengthCm: null,
          hasNik: false,
          changedFields: ['birthDate'],
          personalDataVersion: null,
          personalDataHash: null,
          reason: 'typo',
        },
      },
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
    const merged = events.reduce<ChildFacts | null>(evolveChildFacts, null);
    expect(merged).toEqual({
      childId,
      birthDate: '2024-03-02',
      villageCode: '36.04.23.2015',
      districtCode: '36.04.23',
      regencyCode: '36.04',
      status: 'merged',
      diedOn: null,
      mergedInto: 'survivor',
    });
    expect(
      evolveChildFacts(merged, { type: 'child.unmerged', data: { childId, fromChildId: 'survivor', reason: 'no' } }),
    ).toMatchObject({ status: 'active', mergedInto: null });
    expect(evolveChildFacts(merged, { type: 'child.died', data: { childId, diedOn: '2025-02-01' } })).toMatchObject({
      status: 'died',
      diedOn: '2025-02-01',
    });
  });

  it('ignores events for a child it has not seen', () => {
    expect(evolveChildFacts(null, { type: 'child.died', data: { childId, diedOn: '2025-01-01' } })).toBeNull();
  });

  it('takes the birth date from a measurement that arrives before the registration: its day less the age in days', () => {
    const measurement = {
      childId,
      measuredOn: '2025-03-01',
      ageDays: 365,
      villageCode: '36.03.20.2002',
      districtCode: '36.03.20',
      regencyCode: '36.03',
    } as JudgedMeasurement;
    expect(childFactsFromMeasurement(measurement)).toMatchObject({ birthDate: '2024-03-01', status: 'active' });
  });
});
