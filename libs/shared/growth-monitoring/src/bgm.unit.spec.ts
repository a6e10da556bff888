import { isBgm } from './bgm';

describe('BGM (below the red line)', () => {
  it.each([
    [-3.01, false, true],
    [-3, false, false],
    [-2.5, false, false],
    [null, false, false],
    [-6.5, true, false],
  ])('given weight-for-age z %p (flagged %p), BGM is %p', (z, flagged, bgm) => {
    expect(isBgm(z, flagged)).toBe(bgm);
  });
});
