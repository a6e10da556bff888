import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { expectOk, jsonClient } from './http';

export interface Backbone {
  /** postgres://… of the server the services use (each service's database is named by its /ready). */
  readonly databaseUrl: string;
  readonly brokers: readonly string[];
  readonly adminToken: string;
}

/**
 * Resolves once `consumer` has applied everything `producers` committed so far: their relays have published it all
 * (GET /v1/ops/event-backbone, lag 0), then each projection consumer of `consumer` has stored, in its own database,
 * the end offset each partition of its topics had then. Polls state, never waits a fixed time.
 */
export async function waitForCaughtUp(
  backbone: Backbone,
  consumer: string,
  producers: readonly string[],
  timeoutMs = 300_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const poll = () => new Promise((resolve) => setTimeout(resolve, 100));
  for (const producer of producers) {
    const call = jsonClient(producer, backbone.adminToken);
    for (;;) {
      const { relay } = (await expectOk(call, 'GET', '/v1/ops/event-backbone')) as { relay: { lag: number } | null };
      if ((relay?.lag ?? 0) === 0) break;
      if (Date.now() > deadline) throw new Error(`${producer}: the relay still has ${relay?.lag} events to publish`);
      await poll();
    }
  }
  const ready = (await (await fetch(`${consumer}/ready`)).json()) as { info: { postgresql: { database: string } } };
  const url = new URL(backbone.databaseUrl);
  url.pathname = `/${ready.info.postgresql.database}`;
  const db = new Pool({ connectionString: url.toString(), max: 1 });
  const admin = new Kafka({
    clientId: 'simulation-caught-up',
    brokers: [...backbone.brokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    type Row = { consumer_name: string; topic: string; partition: number; offset: string };
    const stored = async () =>
      (await db.query<Row>('SELECT consumer_name, topic, partition, "offset" FROM es_consumer_offsets')).rows;
    const consumers = [...new Set((await stored()).map((row) => `${row.consumer_name}\u0000${row.topic}`))];
    const topics = [...new Set(consumers.map((key) => key.split('\u0000')[1]))];
    const ends = new Map(
      await Promise.all(topics.map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const)),
    );
    for (;;) {
      const rows = await stored();
      const behind = consumers.flatMap((key) => {
        const [name, topic] = key.split('\u0000');
        return ends
          .get(topic)!
          .filter(({ partition, high }) => {
            const row = rows.find((r) => r.consumer_name === name && r.topic === topic && r.partition === partition);
            return Number(high) > 0 && (row === undefined || Number(row.offset) + 1 < Number(high));
          })
          .map(({ partition }) => `${name} ${topic}[${partition}]`);
      });
      if (behind.length === 0) return;
      if (Date.now() > deadline) throw new Error(`${consumer} is not caught up: ${behind.slice(0, 5).join(', ')}`);
      await poll();
    }
  } finally {
    await admin.disconnect();
    await db.end();
  }
}
