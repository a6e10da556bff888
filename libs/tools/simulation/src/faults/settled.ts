import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { SERVICES, type IsolatedStack, type Service } from './isolated-stack';

/** One pool per service database of the stack (<stack>_<service>, the stack named by REGISTRY_STACK). */
export function serviceDatabases(databaseUrl: string, stack: string): Record<Service, Pool> {
  return Object.fromEntries(
    SERVICES.map((service) => {
      const url = new URL(databaseUrl);
      url.pathname = `/${stack}_${service}`;
      const pool = new Pool({ connectionString: url.toString(), max: 2 });
      // PostgreSQL is restarted while the pool holds idle connections: they fail, and the next query reconnects.
      pool.on('error', () => undefined);
      return [service, pool];
    }),
  ) as Record<Service, Pool>;
}

export interface Backlog {
  readonly relayLag: number;
  /** consumer/topic/partition that have not applied everything their topic holds. */
  readonly behind: string[];
}

/**
 * Resolves once nothing is in flight: every relay has published what its service committed (/v1/ops/event-backbone)
 * and every projection consumer of every service has stored the end offset of each partition it reads. Checked
 * twice in a row, since applying an event can commit new ones (a measurement opens a case, which reporting reads).
 */
export async function waitUntilSettled(
  stack: IsolatedStack,
  databases: Record<Service, Pool>,
  brokers: string[],
  adminToken: string,
  timeoutMs: number,
): Promise<void> {
  const kafka = new Kafka({ clientId: 'faults-settled', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    let quietChecks = 0;
    let last: Backlog = { relayLag: -1, behind: [] };
    while (quietChecks < 2) {
      if (Date.now() > deadline)
        throw new Error(
          `not settled after ${timeoutMs / 1000} s: relay lag ${last.relayLag}, behind: ${last.behind.slice(0, 5).join(', ')}`,
        );
      last = await backlog(stack, databases, admin, adminToken).catch((error: Error) => ({
        relayLag: -1,
        behind: [error.message],
      }));
      quietChecks = last.relayLag === 0 && last.behind.length === 0 ? quietChecks + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await admin.disconnect();
  }
}

async function backlog(
  stack: IsolatedStack,
  databases: Record<Service, Pool>,
  admin: ReturnType<Kafka['admin']>,
  adminToken: string,
): Promise<Backlog> {
  const lags = await Promise.all(
    SERVICES.map(async (service) => {
      const response = await fetch(`${stack.urls[service]}/v1/ops/event-backbone`, {
        headers: { authorization: `Bearer ${adminToken}` },
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`${service} /v1/ops/event-backbone answered ${response.status}`);
      const { relay } = (await response.json()) as { relay: { lag: number } | null };
      return relay?.lag ?? 0;
    }),
  );
  const stored = (
    await Promise.all(
      SERVICES.map(async (service) => {
        const { rows } = await databases[service].query<{
          consumer_name: string;
          topic: string;
          partition: number;
          offset: string;
        }>('SELECT consumer_name, topic, partition, "offset" FROM es_consumer_offsets');
        return rows.map((row) => ({ ...row, consumer: `${service}/${row.consumer_name}` }));
      }),
    )
  ).flat();
  const topics = [...new Set(stored.map((row) => row.topic))];
  const ends = new Map(
    await Promise.all(topics.map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const)),
  );
  const consumers = [...new Set(stored.map((row) => `${row.consumer}\u0000${row.topic}`))];
  const behind = consumers.flatMap((key) => {
    const [consumer, topic] = key.split('\u0000');
    return ends
      .get(topic)!
      .filter(({ partition, high }) => {
        const row = stored.find((r) => r.consumer === consumer && r.topic === topic && r.partition === partition);
        return Number(high) > 0 && (row === undefined || Number(row.offset) + 1 < Number(high));
      })
      .map(({ partition }) => `${consumer} ${topic}[${partition}]`);
  });
  return { relayLag: lags.reduce((sum, lag) => sum + lag, 0), behind };
}
