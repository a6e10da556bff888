import {
  readRebuildProgress,
  type KafkaRelay,
  type ProjectionConsumer,
  type RebuildProgressRow,
} from '@registry/event-store';
import type { Pool } from 'pg';
import { Counter, Gauge, type Registry } from 'prom-client';

export interface EventMetricSources {
  readonly backbone?: { readonly relay: KafkaRelay | null; readonly consumers: readonly ProjectionConsumer[] };
  /** The event store's pool, on the service's database: its projections, their bookkeeping and their rebuilds. */
  readonly pool?: Pool;
  /** MikroORM's pool, on the same database: the read models' queries and the migrations. */
  readonly ormPool?: Pool;
}

const POOL_NAME = 'db_client_connection_pool_name';
type PoolName = { readonly [POOL_NAME]: string };

/** What a metric's collect() sets: its series, each with its labels. */
type Series = ReadonlyArray<readonly [labels: Record<string, string | number>, value: number]>;

/**
 * How long a scrape waits for one metric's reads. Prometheus gives a scrape 10 s by default; a database or broker
 * that does not answer would hold each read for its client's timeouts (5 s per PostgreSQL connection, about as much
 * per Kafka request), one consumer after the other.
 */
export const READ_DEADLINE_MS = 2_000;

/**
 * The relay, the projection consumers, their rebuilds and the database pools, read when Prometheus scrapes: the relay and the
 * consumers keep their own counters (metrics()) and state, so event-store needs no metrics library, and nothing is
 * counted twice. Consumers are read one after the other, so a scrape holds few of the pool's connections at once.
 * A source that cannot be read within READ_DEADLINE_MS (its database or Kafka down) leaves its series out of that
 * scrape rather than failing or holding up the others; /ready names the outage.
 */
export function registerEventMetrics(
  registry: Registry,
  sources: () => EventMetricSources | Promise<EventMetricSources>,
): void {
  const relay = (current: EventMetricSources) => current.backbone?.relay ?? null;
  const consumers = (current: EventMetricSources) => current.backbone?.consumers ?? [];
  const metric = (
    kind: typeof Gauge | typeof Counter,
    name: string,
    help: string,
    labelNames: readonly string[],
    read: (current: EventMetricSources) => Promise<Series> | Series,
  ) =>
    new kind({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const series = await withinDeadline(async () => read(await sources())).catch((): Series => []);
        this.reset();
        // A counter has no set(): after the reset, one increment by the source's running total is that total.
        for (const [labels, value] of series) this.inc(labels, value);
      },
    });

  // OpenTelemetry's database client connection metrics, for both pools of the service's database. Read first:
  // prom-client collects the metrics in order of registration, and the reads below take connections of a pool.
  const pools = (current: EventMetricSources, read: (pool: Pool, named: PoolName) => Series): Series =>
    (
      [
        ['event-store', current.pool],
        ['mikro-orm', current.ormPool],
      ] as const
    ).flatMap(([name, pool]) => (pool ? read(pool, { db_client_connection_pool_name: name }) : []));
  metric(
    Gauge,
    'db_client_connection_count',
    'Connections of the pool, by state (used or idle)',
    ['db_client_connection_pool_name', 'db_client_connection_state'],
    (current) =>
      pools(current, (pool, named) => [
        [{ ...named, db_client_connection_state: 'used' }, pool.totalCount - pool.idleCount],
        [{ ...named, db_client_connection_state: 'idle' }, pool.idleCount],
      ]),
  );
  metric(Gauge, 'db_client_connection_max', 'The most connections the pool opens', [POOL_NAME], (current) =>
    pools(current, (pool, named) => [[named, pool.options.max ?? 10]]),
  );
  metric(
    Gauge,
    'db_client_connection_pending_requests',
    'Requests waiting for a connection of the pool',
    [POOL_NAME],
    (current) => pools(current, (pool, named) => [[named, pool.waitingCount]]),
  );
  metric(
    Gauge,
    'registry_relay_backlog_events',
    'Events committed to the event store and not yet acknowledged by Kafka',
    ['topic'],
    async (current) => {
      const publisher = relay(current);
      return publisher ? [[{ topic: publisher.topic }, await publisher.lag()]] : [];
    },
  );
  metric(
    Counter,
    'registry_relay_published_events_total',
    'Events the relay published to Kafka',
    ['topic'],
    (current) => {
      const publisher = relay(current);
      return publisher ? [[{ topic: publisher.topic }, publisher.metrics().published]] : [];
    },
  );
  metric(
    Gauge,
    'registry_consumer_lag_messages',
    'Messages in a partition of a consumed topic that the projection has not handled yet',
    ['projection', 'topic', 'partition'],
    async (current) => {
      const series: Array<Series[number]> = [];
      for (const consumer of consumers(current))
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
    (current) =>
      consumers(current).flatMap((consumer) => {
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
    async (current) => {
      const series: Array<Series[number]> = [];
      for (const consumer of consumers(current))
        series.push([{ projection: consumer.name }, await consumer.deadLetterCount()]);
      return series;
    },
  );
  registerRebuildMetrics(metric);
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

type MetricOf = (
  kind: typeof Gauge,
  name: string,
  help: string,
  labelNames: readonly string[],
  read: (current: EventMetricSources) => Promise<Series>,
) => unknown;

/**
 * Each projection's last rebuild (`npm run rebuild`, which records its progress in the database as it goes, so the
 * running service shows it): one read of es_rebuild_progress per scrape, shared by the five metrics.
 */
function registerRebuildMetrics(metric: MetricOf): void {
  let reading: Promise<Awaited<ReturnType<typeof readRebuildProgress>>> | undefined;
  const rebuilds = async (current: EventMetricSources) => {
    if (!current.pool) return [];
    // prom-client starts every metric's collect() of a scrape in the same turn: the first reads, the others share it.
    reading ??= readRebuildProgress(current.pool).finally(() => setImmediate(() => (reading = undefined)));
    return reading;
  };
  const gauge = (name: string, help: string, value: (row: RebuildProgressRow) => number) =>
    metric(Gauge, name, help, ['projection'], async (current) =>
      (await rebuilds(current)).map((row) => [{ projection: row.projection }, value(row)] as const),
    );
  gauge(
    'registry_projection_rebuild_running',
    'Whether a rebuild of the projection is running (1) or not (0)',
    (row) => (row.state === 'running' ? 1 : 0),
  );
  gauge('registry_projection_rebuild_failed', 'Whether the last rebuild of the projection rolled back', (row) =>
    row.state === 'failed' ? 1 : 0,
  );
  gauge(
    'registry_projection_rebuild_source_events',
    'Events the running or last rebuild has to apply: what its sources held when it began',
    (row) => row.sourceEvents,
  );
  gauge(
    'registry_projection_rebuild_applied_events',
    'Events the running or last rebuild has applied (a running rebuild records it about once a second)',
    (row) => row.appliedEvents,
  );
  gauge(
    'registry_projection_rebuild_updated_timestamp_seconds',
    'When the running or last rebuild last recorded its progress: a running rebuild whose time stands still has died',
    (row) => row.updatedAt.getTime() / 1000,
  );
}
