import { KBM_TABLE, kbmGramsAt } from './kbm';

describe('the KBM table (Buku KIA 2023)', () => {
  it('covers every age from 1 to 60 completed months exactly once, in order', () => {
    const ages = KBM_TABLE.flatMap((row) =>
      Array.from({ length: row.toMonth - row.fromMonth + 1 }, (_, i) => row.fromMonth + i),
    );
    expect(ages).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it.each([
    [1, 800],
    [2, 900],
    [3, 800],
    [4, 600],
    [5, 500],
    [6, 400],
    [7, 400],
    [8, 300],
    [10, 300],
    [11, 200],
    [60, 200],
  ])('given age %i completed months, the KBM is %i g', (age, grams) => {
    expect(kbmGramsAt(age)).toBe(grams);
  });

  it('has no KBM in the first month of life nor after 60 months', () => {
    expect(kbmGramsAt(0)).toBeNull();
    expect(kbmGramsAt(61)).toBeNull();
  });
});
