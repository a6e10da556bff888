import { GrowthProjection } from './growth.projection';

describe('the sponsor portal growth projection', () => {
  it('takes the measurement facts and leaves the posyandu’s rejudgements aside', () => {
    const projection = new GrowthProjection();
    expect(['recorded', 'corrected', 'voided'].every((type) => projection.handles(`measurement.${type}`))).toBe(true);
    expect(projection.handles('measurement.weight-gain-rejudged')).toBe(false);
  });
});
