import { GrowthProjection } from './growth.projection';

describe('the sponsor portal growth projection', () => {
  it('takes the measurement facts and the posyandu’s rejudgements of them', () => {
    const projection = new GrowthProjection();
    expect(
      ['recorded', 'corrected', 'voided', 'weight-gain-rejudged'].every((type) =>
        projection.handles(`measurement.${type}`),
      ),
    ).toBe(true);
    expect(projection.handles('child.registered')).toBe(false);
  });
});
