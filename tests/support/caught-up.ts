import { Kafka, logLevel } from 'kafkajs';
import { DEFAULT_STACK, topicIn } from '@registry/contracts';
import { defaultDatabaseName } from '@registry/platform';
import { Pool } from 'pg';

/** The stack under test (npm test: <checkout stack>_e2e; see scripts/stack.sh). */
export const stackName = (): string => process.env['REGISTRY_STACK'] || DEFAULT_STACK;

/** The database of the services' stack under test, named as the services name it: <stack>_<service>. */
export const stackDatabaseName = (service: string): string => defaultDatabaseName(service, stackName());

/** A topic as the stack under test has it (the tests name the default stack's topics, TopicByService.identity…). */
export const stackTopic = (topic: string): string => topicIn(stackName(), topic);

/** The database of one service on the test server: the stack's, unless the instance runs on another. */
export function serviceDb(service: string, databaseName = stackDatabaseName(service)): Pool {
  const url = new URL(process.env['DATABASE_URL']!);
  url.pathname = `/${databaseName}`;
  return new Pool({ connectionString: url.toString(), max: 2 });
}

/**
 * Resolves once each named projection of `service` has applied everything its topics held when called: the end
 * offsets are read first, then the offsets the projections store in their own transactions are awaited.
 * Call it once the producing services acknowledged and their relays published (see waitForRelay).
 */
export async function waitForCaughtUp(
  service: string,
  named: Record<string, readonly string[]>,
  timeoutMs = 60_000,
  databaseName?: string,
): Promise<void> {
  const projections = Object.fromEntries(Object.entries(named).map(([name, topics]) => [name, topics.map(stackTopic)]));
  const topics = [...new Set(Object.values(projections).flat())];
  const kafka = new Kafka({
    clientId: 'caught-up',
    brokers: process.env['KAFKA_BROKERS']!.split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  const db = serviceDb(service, databaseName);
  try {
    await admin.connect();
    const ends = await Promise.all(
      topics.map(async (topic) => ({ topic, partitions: await admin.fetchTopicOffsets(topic) })),
    );
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await db.query<{ consumer_name: string; topic: string; partition: number; offset: string }>(
        'SELECT consumer_name, topic, partition, "offset" FROM es_consumer_offsets WHERE topic = ANY($1)',
        [topics],
      );
      const consumers = Object.entries(projections).flatMap(([name, consumed]) =>
        consumed.map((topic) => `${name}\u0000${topic}`),
      );
      const behind = ends.flatMap(({ topic, partitions }) =>
        consumers
          .filter((key) => key.endsWith(`\u0000${topic}`))
          .flatMap((key) =>
            partitions.filter(({ partition, high }) => {
              const stored = rows.find(
                (row) => `${row.consumer_name}\u0000${row.topic}` === key && row.partition === partition,
              );
              return Number(high) > 0 && (stored === undefined || Number(stored.offset) + 1 < Number(high));
            }),
          ),
      );
      // A stored offset past the broker's end: the databases outlived the broker (Kafka wiped, databases kept), and
      // "caught up" would then hold before anything new is applied.
      const ahead = rows.filter((row) => {
        const end = ends
          .find(({ topic }) => topic === row.topic)
          ?.partitions.find((p) => p.partition === row.partition);
        return end !== undefined && Number(row.offset) + 1 > Number(end.high);
      });
      if (ahead.length > 0)
        throw new Error(
          `${service}: stored consumer offsets are past Kafka's end (${ahead[0].consumer_name} ${ahead[0].topic}[${ahead[0].partition}] at ${ahead[0].offset}): ` +
            `the broker was replaced but the consumers did not start over on the new one`,
        );
      if (behind.length === 0) return await noDeadLetters(db, Object.keys(projections));
      if (Date.now() > deadline)
        throw new Error(`${service} is not caught up with ${topics.join(', ')}: ${behind.length} partitions behind`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await admin.disconnect();
    await db.end();
  }
}

/**
 * A consumer that dead-letters an event moves past it: caught up, yet without its effect. No e2e flow sends an event
 * a projection cannot apply, so one is a failure, named with the projection's error.
 */
async function noDeadLetters(db: Pool, consumers: readonly string[]): Promise<void> {
  const { rows } = await db.query<{ consumer_name: string; event_type: string; error_message: string }>(
    'SELECT consumer_name, event_type, error_message FROM es_dead_letters WHERE consumer_name = ANY($1) LIMIT 3',
    [consumers],
  );
  if (rows.length > 0)
    throw new Error(
      `dead-lettered: ${rows.map((row) => `${row.consumer_name} ${row.event_type}: ${row.error_message}`).join('; ')}`,
    );
}

/** Resolves once the service's relay has published every event committed so far (its lag is zero). */
export async function waitForRelay(service: string, timeoutMs = 60_000, databaseName?: string): Promise<void> {
  const db = serviceDb(service, databaseName);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // The checkpoint bound as parameters: the commit-order index then serves a short range (compared with a
      // subquery, the planner scans every event).
      const { rows: checkpoints } = await db.query<{ transaction_id: string; global_position: string }>(
        'SELECT transaction_id::text, global_position::text FROM es_relay_checkpoints LIMIT 1',
      );
      const from = checkpoints[0] ?? { transaction_id: '0', global_position: '0' };
      const { rows } = await db.query<{ behind: number }>(
        'SELECT count(*)::int AS behind FROM es_events WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)',
        [from.transaction_id, from.global_position],
      );
      if (rows[0].behind === 0) return;
      if (Date.now() > deadline) throw new Error(`the ${service} relay still has ${rows[0].behind} events to publish`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await db.end();
  }
}
