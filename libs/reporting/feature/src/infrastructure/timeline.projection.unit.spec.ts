import { eventSchemas } from '@registry/contracts';
import { TIMELINE_SOURCES } from './timeline.projection';

describe('the kinds of event a timeline holds', () => {
  it('are exactly the published types whose contract names a child', () => {
    // Given every published type, and whether its contract requires a childId (a check of no data names it)
    const types = Object.keys(eventSchemas);
    const namesChild = (type: string) =>
      eventSchemas[type].check({}, '').some((problem) => problem.startsWith('childId:'));

    // Then the timeline's kinds (prefixes) select those types and no other
    const kept = types.filter((type) => type.split('.')[0] in TIMELINE_SOURCES);
    expect(kept).toEqual(types.filter(namesChild));
    expect(kept.length).toBeGreaterThan(10);
  });
});
