/** One topic per producing service. Consumers subscribe to the producers they need. */
export const Topics = {
  identity: 'registry.child.v1',
  intake: 'registry.measurement.v1',
  interventions: 'registry.intervention.v1',
  sponsorship: 'registry.sponsorship.v1',
} as const;

export type ProducingService = keyof typeof Topics;
export type TopicName = (typeof Topics)[ProducingService];

export const TOPIC_PARTITIONS = 12;

export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

export const allTopics = (): string[] => Object.values(Topics).flatMap((topic) => [topic, deadLetterTopic(topic)]);
