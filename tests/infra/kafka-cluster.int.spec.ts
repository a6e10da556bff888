// Proves the replicated cluster of infra/kafka/kafka.sh (KAFKA_NODES=3): a topic of replication 3 takes
// min.insync.replicas=2 from the cluster-wide setting (no topic override), so an acks=all write is refused while
// one replica is in sync and taken again once the nodes are back; readiness counts the under-replicated partitions.
// It stops and restarts nodes of the cluster in KAFKA_BROKERS: run it on a cluster of your own, e.g.
//   REGISTRY_VAR_DIR=$PWD/.var KAFKA_PORT=29192 KAFKA_NODES=3 npm run test:int -- tests/infra/kafka-cluster
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { ConfigResourceTypes, ConfigSource, Kafka, logLevel } from 'kafkajs';
import { KafkaConnection } from '@registry/platform';
import { stackName } from '../support/caught-up';
import { eventually, repositoryRoot } from '../support/services';

// Each node's stop or start takes 5–20 s.
jest.setTimeout(300_000);

const brokers = process.env['KAFKA_BROKERS']!.split(',');
const clustered = brokers.length >= 3;
if (!clustered) {
  console.warn(
    `kafka-cluster.int.spec skipped: it needs three Kafka nodes, KAFKA_BROKERS lists ${brokers.length} ` +
      '(start a cluster with KAFKA_NODES=3 bash infra/up.sh and export KAFKA_NODES=3 for the run)',
  );
}
const kafkaCtl = (...args: string[]) =>
  promisify(execFile)('bash', [path.join(repositoryRoot, 'infra/kafka/kafka.sh'), ...args]);

(clustered ? describe : describe.skip)('a replicated Kafka cluster from infra/kafka', () => {
  const kafka = new Kafka({ clientId: 'cluster-check', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  // No retries: a refused write fails at once instead of waiting out the ISR.
  const producer = kafka.producer({ retry: { retries: 0 } });
  const connection = new KafkaConnection('cluster-check', brokers, 3, stackName());
  const topic = `test.cluster-check.${randomUUID()}`;
  const send = () => producer.send({ topic, acks: -1, messages: [{ key: 'child-1', value: 'measured' }] });

  beforeAll(async () => {
    await Promise.all([admin.connect(), producer.connect()]);
    // Retried: on a fresh cluster kafkajs's waitForLeaders can ask a node that has not replayed the new topics yet.
    await eventually(() => connection.ensureTopics().then(() => true), Boolean, 'the registry topics exist', 60_000);
  });
  afterAll(async () => {
    await kafkaCtl('start'); // the nodes a failed run left stopped
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await Promise.all([admin.disconnect(), producer.disconnect(), connection.close()]);
  });

  it('refuses an acks=all write with one in-sync replica and takes it again once the nodes are back', async () => {
    // Given a topic on all three nodes, node 1 leading, with no min.insync.replicas of its own
    // Polled rather than waitForLeaders: a node that has not yet replayed the topic answers "unknown topic".
    await admin.createTopics({
      waitForLeaders: false,
      topics: [{ topic, replicaAssignment: [{ partition: 0, replicas: [1, 2, 3] }] }],
    });
    await eventually(
      () => admin.fetchTopicMetadata({ topics: [topic] }),
      ({ topics: [created] }) => created?.partitions[0]?.leader === 1 && created.partitions[0].isr.length === 3,
      'the topic has node 1 leading and three replicas in sync',
    );
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['min.insync.replicas'] }],
    });
    expect(resources[0]!.configEntries).toEqual([
      expect.objectContaining({ configValue: '2', configSource: ConfigSource.DYNAMIC_DEFAULT_BROKER_CONFIG }),
    ]);
    await send();

    // When node 3 stops: two replicas in sync, the minimum, so writes go on and readiness reports the loss
    await kafkaCtl('stop', '3');
    const degraded = await eventually(
      () => connection.ping(),
      (ready) => ready.underReplicatedPartitions > 0,
      'readiness reports the registry partitions that lost node 3',
      60_000,
    );
    expect(degraded).toEqual(expect.objectContaining({ warning: expect.stringContaining('in-sync replicas') }));
    await send();

    // Then, with node 2 stopped too, the leader alone is in sync and refuses the write
    await kafkaCtl('stop', '2');
    // (kafkajs: "Messages are rejected since there are fewer in-sync replicas than required")
    await expect(send()).rejects.toMatchObject({ cause: { type: 'NOT_ENOUGH_REPLICAS' } });

    // And once both are back, the write is taken and the partitions are whole again
    await kafkaCtl('start-node', '2');
    await kafkaCtl('start-node', '3');
    await eventually(
      () => send(),
      () => true,
      'an acks=all write is taken once the nodes are back',
      60_000,
    );
    await eventually(
      () => connection.ping(),
      (ready) => ready.underReplicatedPartitions === 0 && ready.warning === undefined,
      'every registry partition is back in sync',
      60_000,
    );
  });
});
