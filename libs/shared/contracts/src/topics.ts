/**
 * One topic per producing service, named `<stack>.<kind>.v1`. These are the names of the default stack,
 * `registry` (production); a stack of another name (a checkout's demo, npm test's services) has its own topics,
 * named by `topicIn`, so that two running registries never read each other's events.
 */
export const TopicByService = {
  identity: 'registry.child.v1',
  intake: 'registry.measurement.v1',
  interventions: 'registry.intervention.v1',
  sponsorship: 'registry.sponsorship.v1',
} as const;

export type ProducingService = keyof typeof TopicByService;
export type TopicName = (typeof TopicByService)[ProducingService];

/** The stack whose topics `TopicByService` names. */
export const DEFAULT_STACK = 'registry';

/** A topic as the stack named `stack` has it: `registry.child.v1` in stack `main_3fa2c1` is `main_3fa2c1.child.v1`. */
export const topicIn = (stack: string, topic: string): string =>
  topic.startsWith(`${DEFAULT_STACK}.`) ? `${stack}${topic.slice(DEFAULT_STACK.length)}` : topic;

export const TOPIC_PARTITIONS = 12;

export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

/** Every topic of a stack, the dead-letter topics included. */
export const allTopics = (stack: string = DEFAULT_STACK): string[] =>
  Object.values(TopicByService).flatMap((topic) => [topicIn(stack, topic), deadLetterTopic(topicIn(stack, topic))]);
