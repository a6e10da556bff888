import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';

const SERVICES = [
  { name: 'identity', port: 'IDENTITY_PORT', defaultPort: 3001 },
  { name: 'intake', port: 'INTAKE_PORT', defaultPort: 3002 },
  { name: 'interventions', port: 'INTERVENTIONS_PORT', defaultPort: 3003 },
  { name: 'sponsorship', port: 'SPONSORSHIP_PORT', defaultPort: 3004 },
  { name: 'reporting', port: 'REPORTING_PORT', defaultPort: 3005 },
];

/** The services answering /health now: a stopped one's consumers cannot catch up, and are not waited for. */
export async function runningServices(): Promise<string[]> {
  const answers = await Promise.all(
    SERVICES.map(async ({ name, port, defaultPort }) => {
      const url = `http://127.0.0.1:${process.env[port] ?? defaultPort}/health`;
      const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
        (response) => response.ok,
        () => false,
      );
      return ok ? [name] : [];
    }),
  );
  return answers.flat();
}

/** The database of a service of the running stack (REGISTRY_STACK, see scripts/stack.sh). */
export const stackDatabase = (service: string): string => `${process.env['REGISTRY_STACK'] || 'registry'}_${service}`;

export const databaseUrl = (database: string): string => {
  const url = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
};

/**
 * Events the store committed that its relay has not published: read from the checkpoint on, with the checkpoint
 * bound as parameters, so the planner takes the commit-order index for a short range (compared with a join or a
 * subquery instead, it scans every event).
 */
export async function relayBacklog(client: Pick<Client, 'query'>): Promise<number> {
  const { rows: checkpoints } = await client.query<{ transaction_id: string; global_position: string }>(
    'SELECT transaction_id::text, global_position::text FROM es_relay_checkpoints LIMIT 1',
  );
  const from = checkpoints[0] ?? { transaction_id: '0', global_position: '0' };
  const { rows } = await client.query<{ behind: number }>(
    'SELECT count(*)::int AS behind FROM es_events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)',
    [from.transaction_id, from.global_position],
  );
  return rows[0].behind;
}

/** Waits until the service's relay has published everything committed: "on Kafka", not only durable. */
export async function relayDrained(database: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    while ((await relayBacklog(client)) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    await client.end();
  }
}

/**
 * Waits until every consumer of every running service has applied everything on the topics it reads (its offsets, stored
 * in its own database with the projection, reach the topics' ends); answers the consumers still behind at the
 * deadline, by name, or none.
 */
export async function downstreamCaughtUp(deadlineMs = 600_000): Promise<string[]> {
  const kafka = new Kafka({
    clientId: 'benchmark-lag',
    brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const clients = await Promise.all(
    (await runningServices()).map(async (service) => {
      const client = new Client({ connectionString: databaseUrl(stackDatabase(service)) });
      await client.connect();
      return { service, client };
    }),
  );
  try {
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const behind: string[] = [];
      const ends = new Map<string, Map<number, number>>();
      for (const { service, client } of clients) {
        const { rows } = await client.query<{
          consumer_name: string;
          topic: string;
          partition: number;
          offset: string;
        }>(`SELECT consumer_name, topic, partition, "offset"::text AS "offset" FROM es_consumer_offsets`);
        const applied = new Map<string, Map<string, Map<number, number>>>();
        for (const row of rows) {
          const topics = applied.get(row.consumer_name) ?? new Map<string, Map<number, number>>();
          const partitions = topics.get(row.topic) ?? new Map<number, number>();
          partitions.set(row.partition, Number(row.offset) + 1);
          topics.set(row.topic, partitions);
          applied.set(row.consumer_name, topics);
        }
        for (const [consumer, topics] of applied) {
          for (const [topic, partitions] of topics) {
            if (!ends.has(topic)) {
              const offsets = await admin.fetchTopicOffsets(topic);
              ends.set(topic, new Map(offsets.map(({ partition, high }) => [partition, Number(high)])));
            }
            const lag = [...ends.get(topic)!].reduce(
              (sum, [partition, high]) => sum + Math.max(0, high - (partitions.get(partition) ?? 0)),
              0,
            );
            if (lag > 0) behind.push(`${service}/${consumer} ${topic} ${lag}`);
          }
        }
      }
      if (behind.length === 0 || Date.now() > deadline) return behind;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await admin.disconnect();
    await Promise.all(clients.map(({ client }) => client.end()));
  }
}
