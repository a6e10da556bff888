import { daysBetween, MAX_AGE_DAYS } from './age-groups';
import { notWeighedBefore, priorityReasons, type ChildStatusFacts } from './priority-reasons';

const healthy: ChildStatusFacts = {
  birthDate: '2024-03-10',
  heightForAgeClass: 'normal',
  weightForHeightClass: 'normal',
  lastWeighedOn: '2026-11-20',
  consecutiveT: 0,
  bgm: false,
};

describe('priority reasons', () => {
  it('puts no healthy, recently weighed child on the list', () => {
    expect(priorityReasons(healthy, '2026-12-05')).toEqual([]);
  });

  it('ranks severe wasting first and names every reason a child has', () => {
    const facts = { ...healthy, weightForHeightClass: 'severely_wasted', heightForAgeClass: 'stunted', bgm: true };
    expect(priorityReasons(facts, '2026-12-05')).toEqual(['severely_wasted', 'bgm', 'stunted']);
  });

  it('lists 2T from the second T in a row, not the first', () => {
    expect(priorityReasons({ ...healthy, consecutiveT: 1 }, '2026-12-05')).toEqual([]);
    expect(priorityReasons({ ...healthy, consecutiveT: 2 }, '2026-12-05')).toEqual(['two_t']);
    expect(priorityReasons({ ...healthy, consecutiveT: 3 }, '2026-12-05')).toEqual(['two_t']);
  });

  it('counts two whole missed months: weighed in October is still expected in December', () => {
    expect(notWeighedBefore('2026-12-05')).toBe('2026-10-01');
    expect(priorityReasons({ ...healthy, lastWeighedOn: '2026-10-01' }, '2026-12-31')).toEqual([]);
    expect(priorityReasons({ ...healthy, lastWeighedOn: '2026-09-30' }, '2026-12-01')).toEqual(['not_weighed']);
  });

  it('crosses a year and short months when counting back', () => {
    expect(notWeighedBefore('2027-01-31')).toBe('2026-11-01');
    expect(notWeighedBefore('2026-04-30')).toBe('2026-02-01');
  });

  it('stops expecting a child at the posyandu once it is no longer a balita, as the prevalence counts one', () => {
    // Born 2021-12-05: 1,826 days old on 2026-12-05 (one leap day between), the prevalence's last balita day.
    expect(daysBetween('2021-12-05', '2026-12-05')).toBe(MAX_AGE_DAYS.balita);
    const grownUp = { ...healthy, birthDate: '2021-12-05', lastWeighedOn: '2026-06-01' };
    expect(priorityReasons(grownUp, '2026-12-05')).toEqual(['not_weighed']);
    expect(priorityReasons(grownUp, '2026-12-06')).toEqual([]);
  });

  it('does not call a child never weighed "not weighed for two months"', () => {
    expect(priorityReasons({ ...healthy, lastWeighedOn: null }, '2026-12-05')).toEqual([]);
  });
});
