import { Partitioners, type Message, type PartitionMetadata, type RecordMetadata } from 'kafkajs';
import { unacknowledgedPartitions } from './acknowledged-partitions';

const TOPIC = 'registry.measurement.v1';
const PARTITIONS = 12;
const messages: Message[] = Array.from({ length: 200 }, (_, i) => ({ key: `child-${i % 40}`, value: `event ${i}` }));

/** Where the producer puts each message: kafkajs's own default partitioner over the topic's partitions. */
function producerPartitions(): number[] {
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: PARTITIONS }, (_, partitionId): PartitionMetadata => ({
    partitionErrorCode: 0,
    partitionId,
    leader: 1,
    replicas: [],
    isr: [],
  }));
  return [...new Set(messages.map((message) => partitioner({ topic: TOPIC, partitionMetadata, message })))].sort(
    (a, b) => a - b,
  );
}

const answerFor = (partitions: number[]): RecordMetadata[] =>
  partitions.map((partition) => ({ topicName: TOPIC, partition, errorCode: 0, baseOffset: '0' }));

describe('the partitions of a batch Kafka did not acknowledge', () => {
  it('are none when the answer names every partition the keys hash to', () => {
    expect(unacknowledgedPartitions(TOPIC, PARTITIONS, messages, answerFor(producerPartitions()))).toEqual([]);
  });

  it('are the partitions an answer leaves out, as kafkajs does after a leader moves (kafkajs#1303)', () => {
    const all = producerPartitions();
    const [dropped, alsoDropped] = [all[1], all[all.length - 1]];
    const answer = answerFor(all.filter((p) => p !== dropped && p !== alsoDropped));
    expect(unacknowledgedPartitions(TOPIC, PARTITIONS, messages, answer)).toEqual([dropped, alsoDropped]);
  });

  it('does not count a partition answered with an error, or an answer of another topic', () => {
    const all = producerPartitions();
    const answer = [
      ...answerFor(all.slice(1)),
      { topicName: TOPIC, partition: all[0], errorCode: 6 },
      { topicName: 'other', partition: all[0], errorCode: 0 },
    ];
    expect(unacknowledgedPartitions(TOPIC, PARTITIONS, messages, answer)).toEqual([all[0]]);
  });
});
