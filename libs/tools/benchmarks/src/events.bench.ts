import { randomBytes } from 'node:crypto';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import type { NewEvent } from '@registry/contracts';
import {
  EventStore,
  KafkaRelay,
  databaseUrl,
  ensureDatabase,
  ensureTopics,
  eventStoreSchemaSql,
  type AppendRequest,
} from '@registry/event-store';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { timed, upperMedian } from './measure';
import { RAW_EVENTS_TABLE_SQL, RawEventInserter } from './raw-event-inserter';
import { recreateDatabase } from './scratch-database';

const SINGLE_STREAMS = 200;
const BULK_STREAMS = 5_000;

const measurement = (i: number): NewEvent => ({
  type: 'MeasurementRecorded',
  regencyCode: '3201',
  actor: { subject: 'kader-17', role: 'kader' },
  data: {
    measurementId: i,
    heightCm: 70 + (i % 400) / 10,
    weightKg: 8 + (i % 90) / 10,
    method: 'length-board',
    posyandu: `P-${i % 97}`,
  },
});
const emmettEvent = (event: NewEvent) => ({
  type: event.type,
  data: event.data as Record<string, unknown>,
  metadata: { actor: event.actor, regencyCode: event.regencyCode },
});

/** Bulk batch `batch`: `size` children, one measurement each (an intake import touching many children's streams). */
const bulkBatch = (size: number, prefix: string, batch: number): AppendRequest[] =>
  Array.from({ length: size }, (_, i) => {
    const n = batch * size + i;
    return { streamId: `${prefix}-child-${n % BULK_STREAMS}`, events: [measurement(n)] };
  });

type Contender = 'ours' | 'emmett' | 'raw';

interface Workload {
  readonly name: string;
  readonly events: number;
  readonly note?: string;
  /** Runs the events [from, to) of the workload for one contender. */
  readonly run: Record<Contender, (from: number, to: number) => Promise<void>>;
}

interface Row {
  readonly workload: string;
  readonly rates: Partial<Record<Contender, number>>;
  readonly oursToEmmett?: number;
  readonly oursToRaw?: number;
  readonly note?: string;
}

async function measure(workload: Workload, rounds: number): Promise<Row> {
  const samples: Record<Contender, number[]> = { ours: [], emmett: [], raw: [] };
  const share = Math.ceil(workload.events / rounds);
  for (let round = 0; round < rounds; round += 1) {
    const from = round * share;
    const to = Math.min(workload.events, from + share);
    for (const contender of ['ours', 'emmett', 'raw'] as const) {
      const { seconds } = await timed(() => workload.run[contender](from, to));
      samples[contender].push((to - from) / seconds);
    }
  }
  const paired = (other: Contender) => upperMedian(samples.ours.map((ours, round) => ours / samples[other][round]));
  return {
    workload: workload.name,
    note: workload.note,
    rates: { ours: upperMedian(samples.ours), emmett: upperMedian(samples.emmett), raw: upperMedian(samples.raw) },
    oursToEmmett: paired('emmett'),
    oursToRaw: paired('raw'),
  };
}

async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/**
 * `npm run bench:events` (after `npm run infra:up`): our event store against Emmett's PostgreSQL event store and a raw
 * INSERT ceiling, on one fresh database in one run, plus the relay's throughput into Kafka.
 * Environment: BENCH_SINGLE=2000 BENCH_BULK=50000 BENCH_BATCH=500 BENCH_ROUNDS=10 BENCH_EMMETT_CONCURRENCY=10.
 *
 * The machine may be shared, so the contenders take turns: each workload runs in BENCH_ROUNDS rounds, every round
 * runs each contender on its share of the events. The table shows each contender's median round, and the ratios
 * are medians of the per-round ratios (contenders measured seconds apart, under the same load).
 */
export async function benchEvents(
  _argv: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<string> {
  const single = Number(env['BENCH_SINGLE'] ?? 2_000);
  const bulk = Number(env['BENCH_BULK'] ?? 50_000);
  const batchSize = Number(env['BENCH_BATCH'] ?? 500);
  const rounds = Number(env['BENCH_ROUNDS'] ?? 10);
  const emmettConcurrency = Number(env['BENCH_EMMETT_CONCURRENCY'] ?? 10);
  const adminUrl = env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const brokers = (env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

  const dbName = `registry_bench_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(adminUrl, dbName);
  const url = databaseUrl(adminUrl, dbName);
  const pool = new Pool({ connectionString: url, max: 10 });
  const kafka = new Kafka({ clientId: 'bench-events', brokers, logLevel: logLevel.NOTHING });
  const topic = `bench.${dbName}.events`;
  const emmett = getPostgreSQLEventStore(url);
  try {
    await pool.query(eventStoreSchemaSql);
    await pool.query(RAW_EVENTS_TABLE_SQL);
    await emmett.schema.migrate();
    const store = new EventStore(pool);
    const raw = new RawEventInserter(pool);
    log(
      `database ${dbName}: ${single} single appends, ${bulk} bulk events in batches of ${batchSize}, ${rounds} rounds\n`,
    );

    // Warm-up: connections, prepared statements, plpgsql plans, JIT of the serialisation paths.
    for (let i = 0; i < 100; i += 1) {
      await store.append(`warm-${i % 5}`, [measurement(i)]);
      await emmett.appendToStream(`warm-${i % 5}`, [emmettEvent(measurement(i))]);
      await raw.insert([{ streamId: `warm-${i % 5}`, events: [measurement(i)] }]);
    }

    const batches = (from: number, to: number) =>
      Array.from({ length: Math.ceil((to - from) / batchSize) }, (_, i) => from / batchSize + i);
    const batch = (prefix: string, index: number) => bulkBatch(batchSize, prefix, index);
    const oneStream = (index: number) => batch('x', index).map((request) => request.events[0]);
    const rows = [
      await measure(
        {
          name: 'single-event append, sequential',
          events: single,
          run: {
            ours: async (from, to) => {
              for (let i = from; i < to; i += 1)
                await store.append(`ours-single-${i % SINGLE_STREAMS}`, [measurement(i)]);
            },
            emmett: async (from, to) => {
              for (let i = from; i < to; i += 1)
                await emmett.appendToStream(`emmett-single-${i % SINGLE_STREAMS}`, [emmettEvent(measurement(i))]);
            },
            raw: async (from, to) => {
              for (let i = from; i < to; i += 1)
                await raw.insert([{ streamId: `raw-single-${i % SINGLE_STREAMS}`, events: [measurement(i)] }]);
            },
          },
        },
        rounds,
      ),
      await measure(
        {
          name: `bulk: ${batchSize} streams x 1 event per batch`,
          events: Math.ceil(bulk / batchSize / rounds) * rounds * batchSize,
          note: `ours: appendMany (one transaction per batch); Emmett has no multi-stream append: one appendToStream per stream, ${emmettConcurrency} at a time`,
          run: {
            ours: async (from, to) => {
              for (const index of batches(from, to)) await store.appendMany(batch('ours', index));
            },
            emmett: async (from, to) => {
              for (const index of batches(from, to)) {
                await inParallel(batch('emmett', index), emmettConcurrency, (request) =>
                  emmett.appendToStream(request.streamId, request.events.map(emmettEvent)),
                );
              }
            },
            raw: async (from, to) => {
              for (const index of batches(from, to)) await raw.insert(batch('raw', index));
            },
          },
        },
        rounds,
      ),
      await measure(
        {
          name: `batch: ${batchSize} events into one stream`,
          events: Math.ceil(bulk / 5 / batchSize / rounds) * rounds * batchSize,
          note: "Emmett's best case for batching",
          run: {
            ours: async (from, to) => {
              for (const index of batches(from, to)) await store.append(`ours-big-${index}`, oneStream(index));
            },
            emmett: async (from, to) => {
              for (const index of batches(from, to)) {
                await emmett.appendToStream(`emmett-big-${index}`, oneStream(index).map(emmettEvent));
              }
            },
            raw: async (from, to) => {
              for (const index of batches(from, to))
                await raw.insert([{ streamId: `raw-big-${index}`, events: oneStream(index) }]);
            },
          },
        },
        rounds,
      ),
    ];

    // Relay: every event of our store into Kafka, from start to the last acknowledgement (acks from all in-sync replicas).
    await ensureTopics(kafka, [topic], 12);
    const { rows: counted } = await pool.query<{ count: number }>('SELECT count(*)::int AS count FROM es_events');
    const relay = new KafkaRelay({ pool, kafka, topic, batchSize: 1_000 });
    const relayed = await timed(async () => {
      await relay.start();
      while ((await relay.lag()) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    });
    await relay.stop();
    rows.push({
      workload: `relay to Kafka: ${counted[0].count} events, 12 partitions`,
      rates: { ours: counted[0].count / relayed.seconds },
      note: 'committed → acknowledged, acks=all',
    });

    return eventsTable(rows);
  } finally {
    await emmett.close();
    await pool.end();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    await recreateDatabase(adminUrl, dbName, false);
  }
}

/** Aligned columns for the terminal, then each workload's note. */
function eventsTable(rows: readonly Row[]): string {
  const rate = (value?: number): string => (value === undefined ? '' : Math.round(value).toLocaleString('en-US'));
  const ratio = (value?: number): string => (value === undefined ? '' : value.toFixed(2));
  const cells = [
    ['workload', 'ours ev/s', 'emmett ev/s', 'raw ev/s', 'ours/emmett', 'ours/raw'],
    ...rows.map((row) => [
      row.workload,
      rate(row.rates.ours),
      rate(row.rates.emmett),
      rate(row.rates.raw),
      ratio(row.oursToEmmett),
      ratio(row.oursToRaw),
    ]),
  ];
  const widths = cells[0].map((_, column) => Math.max(...cells.map((line) => line[column].length)));
  const lines = cells.map((line) =>
    line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '),
  );
  return [
    lines[0],
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...lines.slice(1),
    '',
    ...rows.filter((row) => row.note).map((row) => `${row.workload}: ${row.note}`),
  ].join('\n');
}
