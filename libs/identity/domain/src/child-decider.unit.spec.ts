import { deciderSpecification } from '@registry/contracts';
import { foldChild, type Child, type ChildEvent, type RegisteredChild } from './child';
import { decide, type ChildCommand } from './child-decider';

const context = { today: '2026-11-22' };
const childId = '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e5f';
const registered: ChildEvent = {
  type: 'child.registered',
  data: {
    childId,
    sex: 'female',
    birthDate: '2024-03-01',
    birthWeightGrams: 2900,
    birthLengthCm: 48.5,
    hasNik: true,
    villageCode: '36.03.20.2002',
    districtCode: '36.03.20',
    regencyCode: '36.03',
    personalDataVersion: 1,
    personalDataHash: 'sha256-v1',
  },
};

/** Given past events, when a command is decided: the new events, or the rule it breaks. */
const given = deciderSpecification({
  decide: (command: ChildCommand, state: Child) => decide(command, state, context),
  fold: foldChild,
});

describe('child decider', () => {
  describe('RegisterChild', () => {
    it('registers a new child', () => {
      given()
        .when({ type: 'RegisterChild', data: registered.data as never })
        .then([registered]);
    });

    it('refuses a birth date in the future', () => {
      given()
        .when({ type: 'RegisterChild', data: { ...(registered.data as object), birthDate: '2026-11-23' } as never })
        .thenRejects('invalid', 'birthDate', /future/);
    });

    it('refuses to register the same child twice', () => {
      given(registered)
        .when({ type: 'RegisterChild', data: registered.data as never })
        .thenRejects('conflict', 'childId');
    });
  });

  describe('CorrectChild', () => {
    it('records the new values and names the changed fields, personal ones by name only', () => {
      given(registered)
        .when({
          type: 'CorrectChild',
          data: {
            birthDate: '2024-03-02',
            personalData: { personalDataVersion: 2, personalDataHash: 'sha256-v2' },
            personalFieldsChanged: ['name'],
            reason: 'typo',
          },
        })
        .then([
          {
            type: 'child.corrected',
            data: {
              childId,
              sex: 'female',
              birthDate: '2024-03-02',
              birthWeightGrams: 2900,
              birthLengthCm: 48.5,
              hasNik: true,
              changedFields: ['birthDate', 'name'],
              personalDataVersion: 2,
              personalDataHash: 'sha256-v2',
              reason: 'typo',
            },
          },
        ]);
    });

    it('refuses a correction that changes nothing', () => {
      given(registered)
        .when({ type: 'CorrectChild', data: { birthDate: '2024-03-01', personalFieldsChanged: [], reason: 'again' } })
        .thenRejects('invalid', 'fields', /changes nothing/);
    });

    it('sends corrections of a merged record to the surviving child', () => {
      given(registered, { type: 'child.merged', data: { childId, intoChildId: 'other', reason: 'duplicate' } })
        .when({ type: 'CorrectChild', data: { sex: 'male', personalFieldsChanged: [], reason: 'x' } })
        .thenRejects('conflict', 'childId', /merged into other/);
    });
  });

  describe('RelocateChild', () => {
    it('moves the child across kabupaten, keeping where it came from', () => {
      given(registered)
        .when({
          type: 'RelocateChild',
          data: { villageCode: '36.04.23.2015', districtCode: '36.04.23', regencyCode: '36.04', movedOn: '2025-01-10' },
        })
        .then([
          {
            type: 'child.relocated',
            data: {
              childId,
              movedOn: '2025-01-10',
              fromVillageCode: '36.03.20.2002',
              toVillageCode: '36.04.23.2015',
              toDistrictCode: '36.04.23',
              fromRegencyCode: '36.03',
              toRegencyCode: '36.04',
            },
          },
        ]);
    });

    it('refuses a move before birth', () => {
      given(registered)
        .when({
          type: 'RelocateChild',
          data: { villageCode: '36.04.23.2015', districtCode: '36.04.23', regencyCode: '36.04', movedOn: '2024-02-01' },
        })
        .thenRejects('invalid', 'movedOn', /before the birth date/);
    });
  });

  describe('RecordDeath', () => {
    it('records a death once', () => {
      given(registered)
        .when({ type: 'RecordDeath', data: { diedOn: '2025-06-01' } })
        .then([{ type: 'child.died', data: { childId, diedOn: '2025-06-01' } }]);
      given(registered, { type: 'child.died', data: { childId, diedOn: '2025-06-01' } })
        .when({ type: 'RecordDeath', data: { diedOn: '2025-06-01' } })
        .thenRejects('conflict', 'childId', /died/);
    });
  });

  describe('MergeChild and UnmergeChild', () => {
    const survivor = foldChild([
      { ...registered, data: { ...registered.data, childId: 'survivor' } } as ChildEvent,
    ]) as RegisteredChild;

    it('merges a duplicate into an active child, and unmerges it again', () => {
      given(registered)
        .when({ type: 'MergeChild', data: { intoChild: survivor, reason: 'same NIK' } })
        .then([{ type: 'child.merged', data: { childId, intoChildId: 'survivor', reason: 'same NIK' } }]);
      given(registered, { type: 'child.merged', data: { childId, intoChildId: 'survivor', reason: 'same NIK' } })
        .when({ type: 'UnmergeChild', data: { reason: 'twins, not duplicates' } })
        .then([
          { type: 'child.unmerged', data: { childId, fromChildId: 'survivor', reason: 'twins, not duplicates' } },
        ]);
    });

    it('refuses to merge a child into itself or to unmerge a child that is not merged', () => {
      const itself = foldChild([registered]) as RegisteredChild;
      given(registered)
        .when({ type: 'MergeChild', data: { intoChild: itself, reason: 'x' } })
        .thenRejects('invalid', 'intoChildId');
      given(registered)
        .when({ type: 'UnmergeChild', data: { reason: 'x' } })
        .thenRejects('conflict', 'childId', /not merged/);
    });
  });
});
