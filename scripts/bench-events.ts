// Event-store benchmark: our store against Emmett's PostgreSQL event store and a raw INSERT ceiling, on one fresh
// database in one run, plus the relay's throughput into Kafka. A script, not a test.
//
// Run (Node 24 from node_modules; the register hook compiles TypeScript and the @registry/* aliases on the fly):
//   bash infra/up.sh && set -a && . .var/infra.env && set +a &&
//   node_modules/.bin/node -r ./scripts/swc-register.cjs scripts/bench-events.ts (npm run bench:events)
// Environment: BENCH_SINGLE=2000 BENCH_BULK=50000 BENCH_BATCH=500 BENCH_ROUNDS=10 BENCH_EMMETT_CONCURRENCY=10
//
// The machine may be shared, so the contenders take turns: each workload runs in BENCH_ROUNDS rounds, every round
// runs each contender on its share of the events. The table shows each contender's median round, and the ratios
// are medians of the per-round ratios (contenders measured seconds apart, under the same load).
import { randomBytes } from 'node:crypto';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Kafka, logLevel } from 'kafkajs';
import { Client, Pool, escapeIdentifier } from 'pg';
import type { NewEvent } from '@registry/contracts';
import {
  EventStore,
  KafkaRelay,
  canonicalJson,
  databaseUrl,
  ensureDatabase,
  ensureTopics,
  eventStoreSchemaSql,
  type AppendRequest,
} from '../libs/shared/event-store/src';

const SINGLE = Number(process.env.BENCH_SINGLE ?? 2_000);
const BULK = Number(process.env.BENCH_BULK ?? 50_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const EMMETT_CONCURRENCY = Number(process.env.BENCH_EMMETT_CONCURRENCY ?? 10);
const SINGLE_STREAMS = 200;
const BULK_STREAMS = 5_000;

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

const measurement = (i: number): NewEvent => ({
  type: 'MeasurementRecorded',
  regencyCode: '3201',
  actor: { subject: 'kader-17', role: 'kader' },
  data: { measurementId: i, heightCm: 70 + (i % 400) / 10, weightKg: 8 + (i % 90) / 10, method: 'length-board', posyandu: `P-${i % 97}` },
});
const emmettEvent = (event: NewEvent) => ({
  type: event.type,
  data: event.data as Record<string, unknown>,
  metadata: { actor: event.actor, regencyCode: event.regencyCode },
});

/** Bulk batch `batch`: BATCH children, one measurement each (an intake import touching many children's streams). */
const bulkBatch = (prefix: string, batch: number): AppendRequest[] =>
  Array.from({ length: BATCH }, (_, i) => {
    const n = batch * BATCH + i;
    return { streamId: `${prefix}-child-${n % BULK_STREAMS}`, events: [measurement(n)] };
  });

const RAW_TABLE_SQL = `CREATE TABLE raw_events (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id uuid NOT NULL, stream_id text NOT NULL,
  stream_version integer NOT NULL, type text NOT NULL, schema_version integer NOT NULL, subject_id text NOT NULL,
  regency_code text, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, actor jsonb NOT NULL,
  correlation_id text NOT NULL, causation_id text, data jsonb NOT NULL, previous_hash text, hash text NOT NULL)`;

const RAW_INSERT_SQL = `INSERT INTO raw_events (event_id, stream_id, stream_version, type, schema_version, subject_id, regency_code,
  occurred_at, recorded_at, actor, correlation_id, causation_id, data, previous_hash, hash)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[], $8::timestamptz[],
                       $9::timestamptz[], $10::jsonb[], $11::text[], $12::text[], $13::jsonb[], $14::text[], $15::text[])`;

const uuid = (): string => {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
};

/** The ceiling: the same rows, serialised, with versions counted in memory and no hashing, locking or checks. */
class RawInserter {
  private readonly versions = new Map<string, number>();

  constructor(private readonly pool: Pool) {}

  async insert(requests: readonly AppendRequest[]): Promise<void> {
    const now = new Date().toISOString();
    const rows = requests.flatMap((request) => request.events.map((event) => ({ streamId: request.streamId, event })));
    const hash = 'a'.repeat(64);
    await this.pool.query(RAW_INSERT_SQL, [
      rows.map(() => uuid()),
      rows.map((row) => row.streamId),
      rows.map((row) => this.nextVersion(row.streamId)),
      rows.map((row) => row.event.type),
      rows.map(() => 1),
      rows.map((row) => row.streamId),
      rows.map((row) => row.event.regencyCode),
      rows.map(() => now),
      rows.map(() => now),
      rows.map((row) => canonicalJson(row.event.actor)),
      rows.map(() => uuid()),
      rows.map(() => null),
      rows.map((row) => canonicalJson(row.event.data)),
      rows.map(() => hash),
      rows.map(() => hash),
    ]);
  }

  private nextVersion(streamId: string): number {
    const version = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, version);
    return version;
  }
}

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

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(workload: Workload): Promise<Row> {
  const samples: Record<Contender, number[]> = { ours: [], emmett: [], raw: [] };
  const share = Math.ceil(workload.events / ROUNDS);
  for (let round = 0; round < ROUNDS; round += 1) {
    const from = round * share;
    const to = Math.min(workload.events, from + share);
    for (const contender of ['ours', 'emmett', 'raw'] as const) {
      const started = process.hrtime.bigint();
      await workload.run[contender](from, to);
      samples[contender].push((to - from) / (Number(process.hrtime.bigint() - started) / 1e9));
    }
  }
  const paired = (other: Contender) => median(samples.ours.map((ours, round) => ours / samples[other][round]));
  return {
    workload: workload.name,
    note: workload.note,
    rates: { ours: median(samples.ours), emmett: median(samples.emmett), raw: median(samples.raw) },
    oursToEmmett: paired('emmett'),
    oursToRaw: paired('raw'),
  };
}

async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

async function main(): Promise<void> {
  const dbName = `registry_bench_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(adminUrl, dbName);
  const url = databaseUrl(adminUrl, dbName);
  const pool = new Pool({ connectionString: url, max: 10 });
  const kafka = new Kafka({ clientId: 'bench-events', brokers, logLevel: logLevel.NOTHING });
  const topic = `bench.${dbName}.events`;
  const emmett = getPostgreSQLEventStore(url);
  try {
    await pool.query(eventStoreSchemaSql);
    await pool.query(RAW_TABLE_SQL);
    await emmett.schema.migrate();
    const store = new EventStore(pool);
    const raw = new RawInserter(pool);
    console.log(`database ${dbName}: ${SINGLE} single appends, ${BULK} bulk events in batches of ${BATCH}, ${ROUNDS} rounds\n`);

    // Warm-up: connections, prepared statements, plpgsql plans, JIT of the serialisation paths.
    for (let i = 0; i < 100; i += 1) {
      await store.append(`warm-${i % 5}`, [measurement(i)]);
      await emmett.appendToStream(`warm-${i % 5}`, [emmettEvent(measurement(i))]);
      await raw.insert([{ streamId: `warm-${i % 5}`, events: [measurement(i)] }]);
    }

    const batches = (from: number, to: number) => Array.from({ length: Math.ceil((to - from) / BATCH) }, (_, i) => from / BATCH + i);
    const rows = [
      await measure({
        name: 'single-event append, sequential',
        events: SINGLE,
        run: {
          ours: async (from, to) => {
            for (let i = from; i < to; i += 1) await store.append(`ours-single-${i % SINGLE_STREAMS}`, [measurement(i)]);
          },
          emmett: async (from, to) => {
            for (let i = from; i < to; i += 1) await emmett.appendToStream(`emmett-single-${i % SINGLE_STREAMS}`, [emmettEvent(measurement(i))]);
          },
          raw: async (from, to) => {
            for (let i = from; i < to; i += 1) await raw.insert([{ streamId: `raw-single-${i % SINGLE_STREAMS}`, events: [measurement(i)] }]);
          },
        },
      }),
      await measure({
        name: `bulk: ${BATCH} streams x 1 event per batch`,
        events: Math.ceil(BULK / BATCH / ROUNDS) * ROUNDS * BATCH,
        note: `ours: appendMany (one transaction per batch); Emmett has no multi-stream append: one appendToStream per stream, ${EMMETT_CONCURRENCY} at a time`,
        run: {
          ours: async (from, to) => {
            for (const batch of batches(from, to)) await store.appendMany(bulkBatch('ours', batch));
          },
          emmett: async (from, to) => {
            for (const batch of batches(from, to)) {
              await inParallel(bulkBatch('emmett', batch), EMMETT_CONCURRENCY, (request) =>
                emmett.appendToStream(request.streamId, request.events.map(emmettEvent)),
              );
            }
          },
          raw: async (from, to) => {
            for (const batch of batches(from, to)) await raw.insert(bulkBatch('raw', batch));
          },
        },
      }),
      await measure({
        name: `batch: ${BATCH} events into one stream`,
        events: Math.ceil(BULK / 5 / BATCH / ROUNDS) * ROUNDS * BATCH,
        note: "Emmett's best case for batching",
        run: {
          ours: async (from, to) => {
            for (const batch of batches(from, to)) await store.append(`ours-big-${batch}`, bulkBatch('x', batch).map((r) => r.events[0]));
          },
          emmett: async (from, to) => {
            for (const batch of batches(from, to)) {
              await emmett.appendToStream(`emmett-big-${batch}`, bulkBatch('x', batch).map((r) => emmettEvent(r.events[0])));
            }
          },
          raw: async (from, to) => {
            for (const batch of batches(from, to)) await raw.insert([{ streamId: `raw-big-${batch}`, events: bulkBatch('x', batch).map((r) => r.events[0]) }]);
          },
        },
      }),
    ];

    // Relay: every event of our store into Kafka, from start to the last acknowledgement (acks from all in-sync replicas).
    await ensureTopics(kafka, [topic], 12);
    const { rows: counted } = await pool.query<{ count: number }>('SELECT count(*)::int AS count FROM es_events');
    const relay = new KafkaRelay({ pool, kafka, topic, batchSize: 1_000 });
    const started = process.hrtime.bigint();
    await relay.start();
    while ((await relay.lag()) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const relayRate = counted[0].count / (Number(process.hrtime.bigint() - started) / 1e9);
    await relay.stop();
    rows.push({ workload: `relay to Kafka: ${counted[0].count} events, 12 partitions`, rates: { ours: relayRate }, note: 'committed → acknowledged, acks=all' });

    printTable(rows);
  } finally {
    await emmett.close();
    await pool.end();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(dbName)} WITH (FORCE)`);
    await client.end();
  }
}

function printTable(rows: readonly Row[]): void {
  const rate = (value?: number): string => (value === undefined ? '' : Math.round(value).toLocaleString('en-US'));
  const ratio = (value?: number): string => (value === undefined ? '' : value.toFixed(2));
  const table = [
    ['workload', 'ours ev/s', 'emmett ev/s', 'raw ev/s', 'ours/emmett', 'ours/raw'],
    ...rows.map((row) => [row.workload, rate(row.rates.ours), rate(row.rates.emmett), rate(row.rates.raw), ratio(row.oursToEmmett), ratio(row.oursToRaw)]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  for (const [index, line] of table.entries()) {
    console.log(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  }
  console.log('');
  for (const row of rows.filter((line) => line.note)) console.log(`${row.workload}: ${row.note}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
