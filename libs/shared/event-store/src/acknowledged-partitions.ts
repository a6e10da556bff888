import { Partitioners, type Message, type PartitionMetadata, type RecordMetadata } from 'kafkajs';

/**
 * The partitions of a batch that Kafka's answer does not acknowledge. kafkajs 2.2 can resolve a send of which a part
 * was never sent: when a retry finds the partitions of a failed broker moved to a broker that had already answered,
 * it skips them (tulios/kafkajs#1303; seen here as 4 events of one child missing after a leader was killed on three
 * nodes). The relay hashes the keys as the producer does and sends the batch again when a partition is missing. A
 * send of one message (a dead letter) goes to one broker and is retried whole, so it needs no such check.
 */
export function unacknowledgedPartitions(
  topic: string,
  partitionCount: number,
  messages: readonly Message[],
  answer: readonly RecordMetadata[],
): number[] {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata: PartitionMetadata[] = Array.from({ length: partitionCount }, (_, partitionId) => ({
    partitionErrorCode: 0,
    partitionId,
    leader: 0,
    replicas: [],
    isr: [],
    offlineReplicas: [],
  }));
  const expected = new Set(messages.map((message) => partitioner({ topic, partitionMetadata, message })));
  const acknowledged = new Set(
    answer.filter((part) => part.topicName === topic && part.errorCode === 0).map((part) => part.partition),
  );
  return [...expected].filter((partition) => !acknowledged.has(partition)).sort((a, b) => a - b);
}

/** Thrown by the relay for an answer that leaves out a partition: logged with its code, then the batch is resent. */
export class UnacknowledgedPartitionsError extends Error {
  override readonly name = 'UnacknowledgedPartitionsError';
  readonly code = 'UNACKNOWLEDGED_PARTITIONS';

  constructor(readonly partitions: readonly number[]) {
    super(`Kafka answered the batch without acknowledging partition(s) ${partitions.join(', ')}`);
  }
}
