import type { EventStore } from '@registry/event-store';
import { CaseTrackerProjection } from './case-tracker.projection';

describe('the case tracker', () => {
  it('takes every measurement event, the posyandu’s rejudgements too (the follow-up of 2T and BGM reads them)', () => {
    const tracker = new CaseTrackerProjection({} as EventStore);
    expect(
      ['recorded', 'corrected', 'voided', 'weight-gain-rejudged'].every((type) =>
        tracker.handles(`measurement.${type}`),
      ),
    ).toBe(true);
  });
});
