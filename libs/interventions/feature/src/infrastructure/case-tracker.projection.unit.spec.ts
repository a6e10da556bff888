import type { EventStore } from '@registry/event-store';
import { CaseTrackerProjection } from './case-tracker.projection';

describe('the case tracker', () => {
  it('takes the measurement facts and leaves the posyandu’s rejudgements aside (no facts in them)', () => {
    const tracker = new CaseTrackerProjection({} as EventStore);
    expect(['recorded', 'corrected', 'voided'].every((type) => tracker.handles(`measurement.${type}`))).toBe(true);
    expect(tracker.handles('measurement.weight-gain-rejudged')).toBe(false);
  });
});
