import type { KafkaRelay, ProjectionConsumer } from '@registry/event-store';
import type { Pool } from 'pg';
import { Counter, Gauge, type Registry } from 'prom-client';

export interface EventMetricSources {
  readonly backbone?: { readonly relay: KafkaRelay | null; readonly consumers: readonly ProjectionConsumer[] };
  readonly pool?: Pool;
}

/** What a metric's collect() sets: its series, each with its labels. */
type Series = ReadonlyArray<readonly [labels: Record<string, string | number>, value: number]>;

/**
 * How long a scrape waits for one metric's reads. Prometheus gives a scrape 10 s by default; a database or broker
 * that does not answer would hold each read for its client's timeouts (5 s per PostgreSQL connection, about as much
 * per Kafka request), one consumer after the other.
 */
export const READ_DEADLINE_MS = 2_000;

/**
 * The relay, the projection consumers and the database pool, read when Prometheus scrapes: the relay and the
 * consumers keep their own counters (metrics()) and state, so event-store needs no metrics library, and nothing is
 * counted twice. Consumers are read one after the other, so a scrape holds few of the pool's connections at once.
 * A source that cannot be read within READ_DEADLINE_MS (its database or Kafka down) leaves its series out of that
 * scrape rather than failing or holding up the others; /ready names the outage.
 */
export function registerEventMetrics(registry: Registry, sources: () => EventMetricSources): void {
  const relay = () => sources().backbone?.relay ?? null;
  const consumers = () => sources().backbone?.consumers ?? [];
  const metric = (
    kind: typeof Gauge | typeof Counter,
    name: string,
    help: string,
    labelNames: readonly string[],
    read: () => Promise<Series> | Series,
  ) =>
    new kind({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const series = await withinDeadline(read).catch((): Series => []);
        this.reset();
        // A counter has no set(): after the reset, one increment by the source's running total is that total.
        for (const [labels, value] of series) this.inc(labels, value);
      },
    });

  // OpenTelemetry's database client connection metrics, for the pool of the event store and its projections. Read
  // first: prom-client collects the metrics in order of registration, and the reads below take connections of it.
  const pool = (read: (pool: Pool) => Series): Series => {
    const current = sources().pool;
    return current ? read(current) : [];
  };
  const named = { db_client_connection_pool_name: 'event-store' };
  metric(
    Gauge,
    'db_client_connection_count',
    'Connections of the pool, by state (used or idle)',
    ['db_client_connection_pool_name', 'db_client_connection_state'],
    () =>
      pool((current) => [
        [{ ...named, db_client_connection_state: 'used' }, current.totalCount - current.idleCount],
        [{ ...named, db_client_connection_state: 'idle' }, current.idleCount],
      ]),
  );
  metric(Gauge, 'db_client_connection_max', 'The most connections the pool opens', Object.keys(named), () =>
    pool((current) => [[named, current.options.max ?? 10]]),
  );
  metric(
    Gauge,
    'db_client_connection_pending_requests',
    'Requests waiting for a connection of the pool',
    Object.keys(named),
    () => pool((current) => [[named, current.waitingCount]]),
  );
  metric(
    Gauge,
    'registry_relay_backlog_events',
    'Events committed to the event store and not yet acknowledged by Kafka',
    ['topic'],
    async () => {
      const current = relay();
      return current ? [[{ topic: current.topic }, await current.lag()]] : [];
    },
  );
  metric(Counter, 'registry_relay_published_events_total', 'Events the relay published to Kafka', ['topic'], () => {
    const current = relay();
    return current ? [[{ topic: current.topic }, current.metrics().published]] : [];
  });
  metric(
    Gauge,
    'registry_consumer_lag_messages',
    'Messages in a partition of a consumed topic that the projection has not handled yet',
    ['projection', 'topic', 'partition'],
    async () => {
      const series: Array<Series[number]> = [];
      for (const consumer of consumers())
        for (const { topic, partition, lag } of await consumer.lag())
          series.push([{ projection: consumer.name, topic, partition }, lag]);
      return series;
    },
  );
  metric(
    Counter,
    'registry_consumer_events_total',
    'Events a projection consumer handled: applied, skipped as a duplicate, or dead-lettered',
    ['projection', 'outcome'],
    () =>
      consumers().flatMap((consumer) => {
        const counts = consumer.metrics();
        return [
          [{ projection: consumer.name, outcome: 'applied' }, counts.applied],
          [{ projection: consumer.name, outcome: 'duplicate' }, counts.duplicatesSkipped],
          [{ projection: consumer.name, outcome: 'dead_lettered' }, counts.deadLettered],
        ] as const;
      }),
  );
  metric(
    Gauge,
    'registry_consumer_dead_letters',
    "Events in the projection's dead-letter table (GET /v1/ops/dead-letters lists them)",
    ['projection'],
    async () => {
      const series: Array<Series[number]> = [];
      for (const consumer of consumers())
        series.push([{ projection: consumer.name }, await consumer.deadLetterCount()]);
      return series;
    },
  );
}

/** The read's series, or a rejection once READ_DEADLINE_MS have passed; the late read is left to finish unheard. */
function withinDeadline(read: () => Promise<Series> | Series): Promise<Series> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('metric read timed out')), READ_DEADLINE_MS);
  });
  const reading = Promise.resolve().then(read);
  reading.catch(() => undefined);
  return Promise.race([reading, late]).finally(() => clearTimeout(timer));
}
