import { allTopics, DEFAULT_STACK, TopicByService, topicIn } from './topics';

describe('topics of a stack', () => {
  it('are the documented names in the default stack', () => {
    expect(topicIn(DEFAULT_STACK, TopicByService.identity)).toBe('registry.child.v1');
  });

  it('take the stack name in place of registry', () => {
    expect(topicIn('main_3fa2c1_e2e', TopicByService.intake)).toBe('main_3fa2c1_e2e.measurement.v1');
  });

  it('cover every producer and its dead-letter topic, none shared between two stacks', () => {
    const demo = allTopics('main_3fa2c1');
    const tests = allTopics('main_3fa2c1_e2e');
    expect(demo).toHaveLength(2 * Object.keys(TopicByService).length);
    expect(demo).toContain('main_3fa2c1.sponsorship.v1.dlq');
    expect(demo.filter((topic) => tests.includes(topic))).toEqual([]);
  });
});
