import type { ScratchDatabase } from '@registry/testing';
// Stops and restarts the shared Kafka broker: it disturbs everyone using it. Run this file on its own, rarely.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Kafka } from 'kafkajs';
import type { EventEnvelope } from '@registry/contracts';
import { measured } from '../test-support/fixtures';
import {
  createTestDatabase,
  createTestTopics,
  deleteTestTopics,
  readTopic,
  testKafka,
  waitForMessageCount,
} from '../test-support/infra';
import { waitUntil } from './wait-until';
import { EventStore, KafkaRelay } from './index';

// Stopping the broker takes up to 30 s, starting it 5–15 s, and the relay then catches up.
jest.setTimeout(240_000);

const kafkaScript = path.resolve(__dirname, '../../../../infra/kafka/kafka.sh');
const kafkaCtl = (command: 'stop' | 'start') => promisify(execFile)('bash', [kafkaScript, command]);

describe('KafkaRelay across a broker stop and restart', () => {
  let db: ScratchDatabase;
  let kafka: Kafka;
  let topic: string;
  let started: KafkaRelay | undefined;

  beforeAll(async () => {
    db = await createTestDatabase(5);
    kafka = testKafka('relay-broker-restart');
    [topic] = await createTestTopics(kafka, 6, 'events');
  });
  afterAll(async () => {
    // Stopped here too when the test failed midway: a running relay holds a client of the pool db.drop() ends.
    await started?.stop();
    await kafkaCtl('start');
    await deleteTestTopics(kafka, [topic]);
    await db.drop();
  });

  it('keeps retrying while the broker is down, never checkpoints unacknowledged events, and loses none', async () => {
    // Given a relay publishing while a writer keeps appending
    const store = new EventStore(db.pool);
    const relay = new KafkaRelay({
      pool: db.pool,
      kafka,
      topic,
      batchSize: 50,
      pollIntervalMs: 200,
      maxRetryDelayMs: 1_000,
    });
    started = relay;
    await relay.start();
    let appended = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await store.append(`child-${appended % 20}`, [measured(appended)]);
        appended += 1;
      }
    })();
    const checkpoint = async (): Promise<string | undefined> =>
      (
        await db.pool.query(
          'SELECT global_position::text AS position FROM es_relay_checkpoints WHERE relay_name = $1',
          [topic],
        )
      ).rows[0]?.position;
    const appendedAtLeast = (count: number) =>
      waitUntil(async () => (appended >= count ? true : undefined), {
        timeoutMs: 60_000,
        describe: () => `writer stuck at ${appended}`,
      });

    try {
      await waitForMessageCount(kafka, topic, 200);

      // When the broker stops while the writer goes on
      await kafkaCtl('stop');
      const whenStopped = appended;
      await appendedAtLeast(whenStopped + 100);
      const checkpointWhileDown = await checkpoint();
      await appendedAtLeast(whenStopped + 300);

      // Then the checkpoint does not move without acknowledgements, and the lag grows
      expect(await checkpoint()).toBe(checkpointWhileDown);
      expect(await relay.lag()).toBeGreaterThanOrEqual(200);

      // When the broker is back
      await kafkaCtl('start');
      await appendedAtLeast(appended + 100);
    } finally {
      writing = false;
      await writer;
    }
    await waitUntil(async () => ((await relay.lag()) === 0 ? true : undefined), {
      timeoutMs: 120_000,
      describe: () => 'the relay did not catch up after the broker restart',
    });
    await relay.stop();

    // Then every appended event is on Kafka (duplicates allowed), each key in stream-version order
    const messages = await readTopic(kafka, topic, 60_000);
    const firstSeen = new Map<string, EventEnvelope>();
    for (const message of messages) {
      const envelope = JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope;
      if (!firstSeen.has(envelope.eventId)) firstSeen.set(envelope.eventId, envelope);
    }
    expect(firstSeen.size).toBe(appended);
    expect(messages.length).toBeGreaterThanOrEqual(appended);
    const versionsByKey = new Map<string, number[]>();
    for (const envelope of firstSeen.values()) {
      versionsByKey.set(envelope.subjectId, [...(versionsByKey.get(envelope.subjectId) ?? []), envelope.streamVersion]);
    }
    for (const [key, versions] of versionsByKey) {
      expect({ key, versions }).toEqual({ key, versions: versions.map((_, i) => i + 1) });
    }
  });
});
