import { PortalRefs } from './portal-refs';

const masterKey = Buffer.alloc(32, 7);
const childId = '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e5f';
const sponsorA = '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e60';
const sponsorB = '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e61';

describe('portal ids of sponsored children', () => {
  it('gives one child a stable id per sponsor, different for each sponsor, unrelated to the child id', () => {
    const refs = new PortalRefs(masterKey);
    const ofA = refs.refOf(sponsorA, childId);
    expect(ofA).toMatch(/^[0-9a-f]{20}$/);
    expect(new PortalRefs(masterKey).refOf(sponsorA, childId)).toBe(ofA);
    expect(refs.refOf(sponsorB, childId)).not.toBe(ofA);
    expect(childId.replace(/-/g, '')).not.toContain(ofA.slice(0, 8));
  });

  it('depends on the master key, so ids cannot be recomputed without it', () => {
    expect(new PortalRefs(Buffer.alloc(32, 8)).refOf(sponsorA, childId)).not.toBe(
      new PortalRefs(masterKey).refOf(sponsorA, childId),
    );
  });
});
