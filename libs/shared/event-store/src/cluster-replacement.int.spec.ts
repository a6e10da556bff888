import type { ScratchDatabase } from '@registry/testing';
// A second Kafka cluster of its own (infra/kafka/kafka.sh on other ports, a scratch data folder) stands for the
// replacement of a lost one: the relay and the consumer keep their database and meet a cluster of another id.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { measured, SubjectTotalsProjection } from '../test-support/fixtures';
import { createTestDatabase, createTestTopics, deleteTestTopics, messageCount, testKafka } from '../test-support/infra';
import { waitUntil } from './wait-until';
import { ensureTopics, EventStore, KafkaCluster, KafkaRelay, ProjectionConsumer } from './index';

jest.setTimeout(180_000);

const kafkaScript = path.resolve(__dirname, '../../../../infra/kafka/kafka.sh');
// Beside the checkout's broker, inside its port slot (scripts/stack.sh): 9092 + 40.
const port = Number(process.env['KAFKA_PORT'] ?? 9092) + 40;

describe('a relay and a consumer when the Kafka cluster is replaced', () => {
  let db: ScratchDatabase;
  let original: Kafka;
  let topic: string;
  let replacementDir: string;
  const replacementEnv = () => ({
    ...process.env,
    REGISTRY_VAR_DIR: replacementDir,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(port + 1),
    KAFKA_NODES: '1',
  });
  const replacementCtl = (command: 'start' | 'stop') =>
    promisify(execFile)('bash', [kafkaScript, command], { env: replacementEnv() });

  beforeAll(async () => {
    db = await createTestDatabase(5);
    original = testKafka('cluster-replacement');
    [topic] = await createTestTopics(original, 4, 'events');
    replacementDir = await mkdtemp(path.join(os.tmpdir(), 'kafka-replacement-'));
  });
  afterAll(async () => {
    await replacementCtl('stop').catch(() => undefined);
    await rm(replacementDir, { recursive: true, force: true });
    await deleteTestTopics(original, [topic]);
    await db.drop();
  });

  it('republishes the whole store into the new cluster and applies nothing twice', async () => {
    // Given 200 events published to the original cluster and projected from it
    const store = new EventStore(db.pool);
    for (let n = 0; n < 200; n += 1) await store.append(`child-${n % 10}`, [measured(n)]);
    const projection = new SubjectTotalsProjection(`replaced_${topic.replace(/\W/g, '_')}`);
    await db.pool.query(projection.createTableSql());
    const relayOn = (kafka: Kafka) =>
      new KafkaRelay({
        pool: db.pool,
        kafka,
        topic,
        pollIntervalMs: 200,
        ensureTopics: () => ensureTopics(kafka, [topic, `${topic}.dlq`], 4),
      });
    const consumeFrom = async (kafka: Kafka) => {
      const consumer = new ProjectionConsumer({ pool: db.pool, kafka, topics: [topic], projection });
      await consumer.start();
      try {
        await consumer.waitForCaughtUp({ timeoutMs: 60_000 });
      } finally {
        await consumer.stop();
      }
      return consumer.metrics();
    };
    let relay = relayOn(original);
    await relay.start();
    await waitUntil(async () => ((await relay.lag()) === 0 ? true : undefined), {
      timeoutMs: 30_000,
      describe: () => 'the relay did not publish the store to the original cluster',
    });
    await relay.stop();
    expect((await consumeFrom(original)).applied).toBe(200);

    // When the cluster is replaced by one that has never seen the registry, and 50 more events are appended
    await replacementCtl('start');
    const replacement = new Kafka({
      clientId: 'cluster-replacement',
      brokers: [`127.0.0.1:${port}`],
      logLevel: logLevel.NOTHING,
    });
    const [before, after] = await Promise.all(
      [original, replacement].map(async (kafka) => {
        const cluster = new KafkaCluster(kafka);
        const id = await cluster.id();
        await cluster.close();
        return id;
      }),
    );
    expect(after).not.toBe(before);
    for (let n = 200; n < 250; n += 1) await store.append(`child-${n % 10}`, [measured(n)]);
    relay = relayOn(replacement);
    await relay.start();
    try {
      // Then the relay republishes all 250 events into the new cluster, once it has created the topic there
      await waitUntil(async () => ((await relay.lag()) === 0 ? true : undefined), {
        timeoutMs: 60_000,
        describe: () => 'the relay did not republish the store into the new cluster',
      });
      expect(await messageCount(replacement, topic)).toBe(250);
      expect(relay.metrics().clusterChanges).toBe(1);
    } finally {
      await relay.stop();
    }
    const checkpoint = await db.pool.query('SELECT cluster_id FROM es_relay_checkpoints WHERE relay_name = $1', [
      topic,
    ]);
    expect(checkpoint.rows).toEqual([{ cluster_id: after }]);

    // And the consumer reads the new cluster from its beginning: the 200 it had are skipped, the 50 new applied once
    const metrics = await consumeFrom(replacement);
    expect(metrics).toMatchObject({ applied: 50, duplicatesSkipped: 200 });
    const totals = await projection.rows(db.pool);
    expect(totals.map((row) => row.events)).toEqual(Array(10).fill(25));
    expect(totals.reduce((sum, row) => sum + Number(row.sum_n), 0)).toBe((249 * 250) / 2);
    const offsets = await db.pool.query<{ cluster_id: string }>(
      'SELECT DISTINCT cluster_id FROM es_consumer_offsets WHERE consumer_name = $1',
      [projection.name],
    );
    expect(offsets.rows).toEqual([{ cluster_id: after }]);
  });

  it('republishes from an idle relay whose cluster is wiped under it', async () => {
    // Given a relay with nothing left to publish to the replacement cluster of the test above
    const kafka = new Kafka({ clientId: 'cluster-wipe', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
    const relay = new KafkaRelay({
      pool: db.pool,
      kafka,
      topic,
      pollIntervalMs: 200,
      ensureTopics: () => ensureTopics(kafka, [topic, `${topic}.dlq`], 4),
    });
    await relay.start();
    try {
      await waitUntil(async () => ((await relay.lag()) === 0 ? true : undefined), {
        timeoutMs: 30_000,
        describe: () => 'the relay had events left to publish',
      });

      // When that cluster is wiped and a new one starts at the same address, while nobody writes
      await promisify(execFile)('bash', [kafkaScript, 'kill'], { env: replacementEnv() });
      await rm(path.join(replacementDir, 'kafka'), { recursive: true, force: true });
      await replacementCtl('start');

      // Then the relay finds the new cluster by itself and publishes the whole store into it again
      let count = 0;
      await waitUntil(
        async () => {
          count = await messageCount(kafka, topic).catch(() => 0);
          return count === 250 ? true : undefined;
        },
        { timeoutMs: 90_000, describe: () => `the wiped cluster holds ${count} of the store's 250 events` },
      );
      expect(relay.metrics().clusterChanges).toBe(1);
    } finally {
      await relay.stop();
    }
  });
});
