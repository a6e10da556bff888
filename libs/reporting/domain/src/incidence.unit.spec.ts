import { incidenceByPlace, type ClassedMeasurement } from './incidence';

const m = (childId: string, measuredOn: string, cls: string, place = 'desa-1'): ClassedMeasurement => ({
  measurementId: `${childId}-${measuredOn}`,
  childId,
  measuredOn,
  place,
  cls,
});

describe('incidence', () => {
  it('counts a child at risk after a month at or above −2, and a new case when it falls below', () => {
    const measurements = [
      m('a', '2025-01-10', 'normal'),
      m('a', '2025-02-10', 'stunted'),
      m('b', '2025-01-10', 'tall'),
      m('b', '2025-02-10', 'normal'),
    ];
    expect(incidenceByPlace('stunting', measurements, '2025-02').get('desa-1')).toEqual({ atRisk: 2, newCases: 1 });
  });

  it('never counts a child first measured below −2 as a new case, nor one still below', () => {
    const measurements = [m('a', '2025-01-10', 'severely_stunted'), m('a', '2025-02-10', 'stunted')];
    expect(incidenceByPlace('stunting', measurements, '2025-01').size).toBe(0);
    expect(incidenceByPlace('stunting', measurements, '2025-02').size).toBe(0);
  });

  it('reads each month by its latest measurement, skipping unmeasured months, counted where it was taken', () => {
    const measurements = [
      m('a', '2025-01-05', 'stunted'),
      m('a', '2025-01-25', 'normal'),
      m('a', '2025-04-10', 'stunted', 'desa-2'),
    ];
    expect(incidenceByPlace('stunting', measurements, '2025-04')).toEqual(
      new Map([['desa-2', { atRisk: 1, newCases: 1 }]]),
    );
    expect(incidenceByPlace('stunting', measurements, '2025-03').size).toBe(0);
  });

  it('uses each indicator’s own cases', () => {
    const measurements = [m('a', '2025-01-10', 'normal'), m('a', '2025-02-10', 'wasted')];
    expect(incidenceByPlace('wasting', measurements, '2025-02').get('desa-1')).toEqual({ atRisk: 1, newCases: 1 });
  });
});
