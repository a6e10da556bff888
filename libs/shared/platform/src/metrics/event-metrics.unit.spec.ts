import type { KafkaRelay, ProjectionConsumer } from '@registry/event-store';
import type { Pool } from 'pg';
import { Registry } from 'prom-client';
import { READ_DEADLINE_MS, registerEventMetrics, type EventMetricSources } from './event-metrics';

const relay = (lag: () => Promise<number>, published: number) =>
  ({
    topic: 'registry.measurement.v1',
    lag,
    metrics: () => ({ published, batches: 1, failedAttempts: 0, clusterChanges: 0 }),
  }) as unknown as KafkaRelay;

const consumer = (name: string, applied: number, lag: () => Promise<Array<{ partition: number; lag: number }>>) =>
  ({
    name,
    metrics: () => ({ applied, duplicatesSkipped: 1, failedAttempts: 0, deadLettered: 2 }),
    lag: async () => (await lag()).map((p) => ({ topic: 'registry.child.v1', ...p })),
    deadLetterCount: async () => 2,
  }) as unknown as ProjectionConsumer;

/** A pool as pg counts it; its one query is the read of es_rebuild_progress. */
const poolOf = (counts: { totalCount: number; idleCount: number; max: number }, rebuilds: object[] = []) =>
  ({
    ...counts,
    waitingCount: 0,
    options: { max: counts.max },
    query: async () => ({ rows: rebuilds }),
  }) as unknown as Pool;
const pool = poolOf({ totalCount: 4, idleCount: 3, max: 10 });
const ormPool = poolOf({ totalCount: 2, idleCount: 2, max: 10 });

async function scrape(sources: EventMetricSources): Promise<string[]> {
  const registry = new Registry();
  registerEventMetrics(registry, () => sources);
  return (await registry.metrics()).split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

describe('event metrics', () => {
  it("reads the relay's backlog and total, each consumer's lag, outcomes and dead letters, and the pool", async () => {
    const lines = await scrape({
      backbone: {
        relay: relay(async () => 7, 120),
        consumers: [
          consumer('timeline', 40, async () => [
            { partition: 0, lag: 3 },
            { partition: 1, lag: 0 },
          ]),
        ],
      },
      pool,
      ormPool,
    });
    expect(lines).toEqual([
      'db_client_connection_count{db_client_connection_pool_name="event-store",db_client_connection_state="used"} 1',
      'db_client_connection_count{db_client_connection_pool_name="event-store",db_client_connection_state="idle"} 3',
      'db_client_connection_count{db_client_connection_pool_name="mikro-orm",db_client_connection_state="used"} 0',
      'db_client_connection_count{db_client_connection_pool_name="mikro-orm",db_client_connection_state="idle"} 2',
      'db_client_connection_max{db_client_connection_pool_name="event-store"} 10',
      'db_client_connection_max{db_client_connection_pool_name="mikro-orm"} 10',
      'db_client_connection_pending_requests{db_client_connection_pool_name="event-store"} 0',
      'db_client_connection_pending_requests{db_client_connection_pool_name="mikro-orm"} 0',
      'registry_relay_backlog_events{topic="registry.measurement.v1"} 7',
      'registry_relay_published_events_total{topic="registry.measurement.v1"} 120',
      'registry_consumer_lag_messages{projection="timeline",topic="registry.child.v1",partition="0"} 3',
      'registry_consumer_lag_messages{projection="timeline",topic="registry.child.v1",partition="1"} 0',
      'registry_consumer_events_total{projection="timeline",outcome="applied"} 40',
      'registry_consumer_events_total{projection="timeline",outcome="duplicate"} 1',
      'registry_consumer_events_total{projection="timeline",outcome="dead_lettered"} 2',
      'registry_consumer_dead_letters{projection="timeline"} 2',
    ]);
  });

  it("reads each projection's last rebuild: running or not, failed or not, its events and when it last moved", async () => {
    const updatedAt = new Date('2026-12-07T01:00:00Z');
    const lines = await scrape({
      pool: poolOf({ totalCount: 1, idleCount: 1, max: 10 }, [
        {
          consumer_name: 'reporting-children',
          state: 'running',
          source_events: '5000',
          applied_events: '2000',
          updated_at: updatedAt,
        },
        {
          consumer_name: 'reporting-skdn',
          state: 'failed',
          source_events: '80',
          applied_events: '40',
          updated_at: updatedAt,
        },
      ]),
    });
    const seconds = updatedAt.getTime() / 1000;
    expect(lines.filter((line) => line.startsWith('registry_projection_rebuild'))).toEqual([
      'registry_projection_rebuild_running{projection="reporting-children"} 1',
      'registry_projection_rebuild_running{projection="reporting-skdn"} 0',
      'registry_projection_rebuild_failed{projection="reporting-children"} 0',
      'registry_projection_rebuild_failed{projection="reporting-skdn"} 1',
      'registry_projection_rebuild_source_events{projection="reporting-children"} 5000',
      'registry_projection_rebuild_source_events{projection="reporting-skdn"} 80',
      'registry_projection_rebuild_applied_events{projection="reporting-children"} 2000',
      'registry_projection_rebuild_applied_events{projection="reporting-skdn"} 40',
      `registry_projection_rebuild_updated_timestamp_seconds{projection="reporting-children"} ${seconds}`,
      `registry_projection_rebuild_updated_timestamp_seconds{projection="reporting-skdn"} ${seconds}`,
    ]);
  });

  it('follows the running totals from scrape to scrape', async () => {
    let published = 5;
    const registry = new Registry();
    registerEventMetrics(registry, () => ({ backbone: { relay: relay(async () => 0, published), consumers: [] } }));
    const total = async () => (await registry.getSingleMetric('registry_relay_published_events_total')!.get()).values;
    expect(await total()).toEqual([expect.objectContaining({ value: 5 })]);
    published = 9;
    expect(await total()).toEqual([expect.objectContaining({ value: 9 })]);
  });

  it('leaves out what cannot be read now (database or Kafka down) and still answers the rest', async () => {
    const down = async (): Promise<never> => {
      throw new Error('connection refused');
    };
    const lines = await scrape({
      backbone: { relay: relay(down, 3), consumers: [consumer('timeline', 1, down)] },
    });
    expect(lines.filter((line) => /backlog|lag_messages|db_client/.test(line))).toEqual([]);
    expect(lines).toContain('registry_relay_published_events_total{topic="registry.measurement.v1"} 3');
    expect(lines).toContain('registry_consumer_events_total{projection="timeline",outcome="applied"} 1');
  });

  it('answers within the deadline when a source does not answer at all (a broker that drops packets)', async () => {
    jest.useFakeTimers();
    try {
      const never = () => new Promise<never>(() => undefined);
      const registry = new Registry();
      registerEventMetrics(registry, () => ({
        backbone: { relay: relay(never, 3), consumers: [consumer('timeline', 1, never)] },
      }));
      const scraped = registry.metrics();
      await jest.advanceTimersByTimeAsync(READ_DEADLINE_MS);
      const lines = (await scraped).split('\n');
      expect(lines.filter((line) => /^registry_(relay_backlog|consumer_lag)/.test(line))).toEqual([]);
      expect(lines).toContain('registry_relay_published_events_total{topic="registry.measurement.v1"} 3');
    } finally {
      jest.useRealTimers();
    }
  });
});
