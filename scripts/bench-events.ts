// Event-store benchmark: our store against Emmett's PostgreSQL event store and a raw INSERT ceiling, on one fresh
// database in one run, plus the relay's throughput into Kafka. A script, not a test.
//
// Run (Node 24 from node_modules; the register hook compiles TypeScript and the @registry/* aliases on the fly):
//   bash infra/up.sh && set -a && . .var/infra.env && set +a &&
//   node_modules/.bin/node -r ./libs/shared/event-store/test-support/swc-register.cjs scripts/bench-events.ts
// Options (environment): BENCH_SINGLE=2000 BENCH_BULK=50000 BENCH_BATCH=500 BENCH_EMMETT_CONCURRENCY=10
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
const EMMETT_CONCURRENCY = Number(process.env.BENCH_EMMETT_CONCURRENCY ?? 10);
const SINGLE_STREAMS = 200;
const BULK_STREAMS = 5_000;

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

const actor = { subject: 'kader-17', role: 'kader' };
const measurement = (i: number): NewEvent => ({
  type: 'MeasurementRecorded',
  regencyCode: '3201',
  actor,
  data: { measurementId: i, heightCm: 70 + (i % 400) / 10, weightKg: 8 + (i % 90) / 10, method: 'length-board', posyandu: `P-${i % 97}` },
});
const emmettEvent = (event: NewEvent) => ({
  type: event.type,
  data: event.data as Record<string, unknown>,
  metadata: { actor: event.actor, regencyCode: event.regencyCode },
});

/** One bulk batch: BATCH children, one measurement each (an intake import touching many children's streams). */
const bulkBatch = (prefix: string, batch: number): AppendRequest[] =>
  Array.from({ length: BATCH }, (_, i) => {
    const n = batch * BATCH + i;
    return { streamId: `${prefix}-child-${n % BULK_STREAMS}`, events: [measurement(n)] };
  });

interface Row {
  readonly workload: string;
  readonly ours: number;
  readonly emmett?: number;
  readonly raw?: number;
  readonly note?: string;
}

async function timed(events: number, work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return events / seconds;
}

async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

const RAW_TABLE_SQL = `CREATE TABLE raw_events (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id uuid NOT NULL, stream_id text NOT NULL,
  stream_version integer NOT NULL, type text NOT NULL, schema_version integer NOT NULL, subject_id text NOT NULL,
  regency_code text, occurred_at timestamptz NOT NULL, recorded_at timestamptz NOT NULL, actor jsonb NOT NULL,
  correlation_id text NOT NULL, causation_id text, data jsonb NOT NULL, previous_hash text, hash text NOT NULL)`;

const RAW_INSERT_SQL = `INSERT INTO raw_events (event_id, stream_id, stream_version, type, schema_version, subject_id, regency_code,
  occurred_at, recorded_at, actor, correlation_id, causation_id, data, previous_hash, hash)
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[], $8::timestamptz[],
                       $9::timestamptz[], $10::jsonb[], $11::text[], $12::text[], $13::jsonb[], $14::text[], $15::text[])`;

/** The ceiling: the same rows (already serialised, hashes precomputed) into a plain table, one statement per batch. */
function rawParameters(requests: readonly AppendRequest[], versionOf: (streamId: string) => number): unknown[] {
  const now = new Date().toISOString();
  const rows = requests.flatMap((request) => request.events.map((event) => ({ streamId: request.streamId, event })));
  const hash = 'a'.repeat(64);
  return [
    rows.map(() => uuid()),
    rows.map((row) => row.streamId),
    rows.map((row) => versionOf(row.streamId)),
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
  ];
}

const uuid = (): string => {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
};

async function main(): Promise<void> {
  const dbName = `registry_bench_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(adminUrl, dbName);
  const url = databaseUrl(adminUrl, dbName);
  const pool = new Pool({ connectionString: url, max: 10 });
  const kafka = new Kafka({ clientId: 'bench-events', brokers, logLevel: logLevel.NOTHING });
  const topic = `bench.${dbName}.events`;
  const emmett = getPostgreSQLEventStore(url);
  const rows: Row[] = [];
  try {
    await pool.query(eventStoreSchemaSql);
    await pool.query(RAW_TABLE_SQL);
    await emmett.schema.migrate();
    const store = new EventStore(pool);
    console.log(`database ${dbName}; ${SINGLE} single appends, ${BULK} bulk events in batches of ${BATCH}\n`);

    // Warm-up: connections, prepared plans, JIT of the hashing path.
    for (let i = 0; i < 50; i += 1) {
      await store.append(`warm-${i % 5}`, [measurement(i)]);
      await emmett.appendToStream(`warm-${i % 5}`, [emmettEvent(measurement(i))]);
    }

    // (a) single-event appends, sequential, round-robin over existing streams
    const singleOurs = await timed(SINGLE, async () => {
      for (let i = 0; i < SINGLE; i += 1) await store.append(`single-${i % SINGLE_STREAMS}`, [measurement(i)]);
    });
    const singleEmmett = await timed(SINGLE, async () => {
      for (let i = 0; i < SINGLE; i += 1) await emmett.appendToStream(`single-${i % SINGLE_STREAMS}`, [emmettEvent(measurement(i))]);
    });
    const rawVersions = new Map<string, number>();
    const nextRawVersion = (streamId: string): number => {
      const version = (rawVersions.get(streamId) ?? 0) + 1;
      rawVersions.set(streamId, version);
      return version;
    };
    const singleRaw = await timed(SINGLE, async () => {
      for (let i = 0; i < SINGLE; i += 1) {
        await pool.query(RAW_INSERT_SQL, rawParameters([{ streamId: `single-${i % SINGLE_STREAMS}`, events: [measurement(i)] }], nextRawVersion));
      }
    });
    rows.push({ workload: '(a) single-event append, sequential', ours: singleOurs, emmett: singleEmmett, raw: singleRaw });

    // (b) bulk: appendMany, BATCH streams per transaction
    const batches = Math.ceil(BULK / BATCH);
    const bulkOurs = await timed(batches * BATCH, async () => {
      for (let b = 0; b < batches; b += 1) await store.appendMany(bulkBatch('ours', b));
    });
    const bulkRaw = await timed(batches * BATCH, async () => {
      for (let b = 0; b < batches; b += 1) await pool.query(RAW_INSERT_SQL, rawParameters(bulkBatch('raw', b), nextRawVersion));
    });
    // Emmett appends one stream per transaction: the same events, EMMETT_CONCURRENCY appends at a time.
    const bulkEmmett = await timed(batches * BATCH, async () => {
      for (let b = 0; b < batches; b += 1) {
        await inParallel(bulkBatch('emmett', b), EMMETT_CONCURRENCY, (request) =>
          emmett.appendToStream(request.streamId, request.events.map(emmettEvent)),
        );
      }
    });
    rows.push({
      workload: `(b) bulk, ${BATCH} streams per batch`,
      ours: bulkOurs,
      emmett: bulkEmmett,
      raw: bulkRaw,
      note: `Emmett: one transaction per stream, ${EMMETT_CONCURRENCY} concurrent (it has no multi-stream append)`,
    });

    // (c) Emmett's best case for batching: all BATCH events into one stream per call; ours the same shape.
    const oneStreamBatches = Math.max(1, Math.floor(batches / 5));
    const oneStreamOurs = await timed(oneStreamBatches * BATCH, async () => {
      for (let b = 0; b < oneStreamBatches; b += 1) {
        await store.append(`ours-big-${b}`, bulkBatch('x', b).map((request) => request.events[0]));
      }
    });
    const oneStreamEmmett = await timed(oneStreamBatches * BATCH, async () => {
      for (let b = 0; b < oneStreamBatches; b += 1) {
        await emmett.appendToStream(`emmett-big-${b}`, bulkBatch('x', b).map((request) => emmettEvent(request.events[0])));
      }
    });
    const oneStreamRaw = await timed(oneStreamBatches * BATCH, async () => {
      for (let b = 0; b < oneStreamBatches; b += 1) {
        const requests = [{ streamId: `raw-big-${b}`, events: bulkBatch('x', b).map((request) => request.events[0]) }];
        await pool.query(RAW_INSERT_SQL, rawParameters(requests, nextRawVersion));
      }
    });
    rows.push({ workload: `(c) batch of ${BATCH} into one stream`, ours: oneStreamOurs, emmett: oneStreamEmmett, raw: oneStreamRaw });

    // (e) relay: every committed event of our store (a, b, c) into Kafka, from start to the last acknowledgement
    await ensureTopics(kafka, [topic], 12);
    const { rows: counted } = await pool.query<{ count: number }>('SELECT count(*)::int AS count FROM es_events');
    const relay = new KafkaRelay({ pool, kafka, topic, batchSize: 1_000, logger: { info: console.log, warn: console.log, error: console.log } });
    const relayRate = await timed(counted[0].count, async () => {
      await relay.start();
      while ((await relay.lag()) > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      await relay.stop();
    });
    rows.push({ workload: `(e) relay to Kafka, ${counted[0].count} events, 12 partitions`, ours: relayRate, note: 'committed → acknowledged (acks=all)' });

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
  const ratio = (a: number, b?: number): string => (b === undefined ? '' : (a / b).toFixed(2));
  const table = [
    ['workload', 'ours ev/s', 'emmett ev/s', 'raw ev/s', 'ours/emmett', 'ours/raw'],
    ...rows.map((row) => [row.workload, rate(row.ours), rate(row.emmett), rate(row.raw), ratio(row.ours, row.emmett), ratio(row.ours, row.raw)]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  for (const [index, line] of table.entries()) {
    console.log(line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
    if (index === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  }
  for (const row of rows.filter((line) => line.note)) console.log(`\n${row.workload}: ${row.note}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
