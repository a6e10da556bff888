import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { DEV_SECRET_DEFAULT, signDevToken } from '@registry/access';
import { DEFAULT_STACK, TopicByService, topicIn } from '@registry/contracts';
import { loadRegions } from '@registry/reference-data';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Pool } from 'pg';
import { cpuMeter, formatCpuPerItem } from './cpu-accounting';
import { downstreamCaughtUp, relayBacklog, runningServices, stackDatabase } from './downstream';
import { median, percentile, table } from './measure';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const IDENTITY = `http://127.0.0.1:${port('IDENTITY_PORT', 3001)}`;
const INTAKE = `http://127.0.0.1:${port('INTAKE_PORT', 3002)}`;
const MEASUREMENT_TOPIC = topicIn(process.env['REGISTRY_STACK'] || DEFAULT_STACK, TopicByService.intake);

interface LoadOptions {
  /** Requests per second offered (open loop); 0 = flat out, one request after the other on each connection. */
  readonly rate: number;
  readonly seconds: number;
  /** Measurements per request: 1 = POST /v1/measurements, more = POST /v1/measurements:batch. */
  readonly batch: number;
  readonly children: number;
  /** Concurrent connections when flat out. */
  readonly connections: number;
}

interface PhaseResult {
  readonly name: string;
  readonly offered: string;
  readonly items: number;
  readonly seconds: number;
  readonly latencies: number[];
  readonly failures: number;
  readonly toReport: number[];
  readonly maxRelayBacklog: number;
  readonly maxConsumerLag: number;
  readonly cpuPerItem: Array<[string, number]>;
}

const usage = `npm run bench:load -- [--rate 200] [--seconds 30] [--batch 1] [--children 3000] [--connections 4]
  Sustained intake against the running services: offered rate (requests/s; 0 = flat out), throughput, latency
  percentiles, the intake relay's backlog and reporting's consumer lag, and the time from a 201 at intake to the
  measurement being in reporting's read model. A floor phase times GET /health at the same rate in the same run.`;

function parse(argv: string[]): LoadOptions {
  const value = (flag: string, fallback: number): number => {
    const at = argv.indexOf(flag);
    if (at < 0) return fallback;
    const parsed = Number(argv[at + 1]);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${flag} must be a number ≥ 0\n${usage}`);
    return parsed;
  };
  if (argv.includes('--help')) throw new Error(usage);
  return {
    rate: value('--rate', 200),
    seconds: value('--seconds', 30),
    batch: Math.max(1, Math.min(5000, value('--batch', 1))),
    children: Math.max(1, value('--children', 3000)),
    connections: Math.max(1, value('--connections', 4)),
  };
}

const databasePool = (database: string): Pool => {
  const url = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return new Pool({ connectionString: url.toString(), max: 2 });
};

async function post(url: string, token: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/**
 * Samples, every 250 ms while a phase runs, what is not yet downstream: events intake committed that its relay has
 * not published, and measurement messages reporting's projection has not applied.
 */
function lagSampler(intakeDb: Pool, reportingDb: Pool, admin: Admin) {
  let maxRelayBacklog = 0;
  let maxConsumerLag = 0;
  let stopped = false;
  const sample = async () => {
    const backlog = await relayBacklog(intakeDb);
    const ends = await admin.fetchTopicOffsets(MEASUREMENT_TOPIC);
    const { rows: applied } = await reportingDb.query<{ partition: number; offset: string }>(
      `SELECT partition, "offset"::text AS "offset" FROM es_consumer_offsets
        WHERE consumer_name = 'reporting-measurements' AND topic = $1`,
      [MEASUREMENT_TOPIC],
    );
    const next = new Map(applied.map((row) => [row.partition, Number(row.offset) + 1]));
    const lag = ends.reduce((sum, { partition, high }) => sum + Number(high) - (next.get(partition) ?? 0), 0);
    maxRelayBacklog = Math.max(maxRelayBacklog, backlog);
    maxConsumerLag = Math.max(maxConsumerLag, lag);
  };
  const loop = (async () => {
    while (!stopped) {
      await sample().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return { maxRelayBacklog, maxConsumerLag };
    },
  };
}

/** Times each watched measurement from its acknowledgement until reporting's read model holds it. */
function reportWatcher(reportingDb: Pool) {
  const pending = new Map<string, number>();
  const times: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped || pending.size > 0) {
      if (pending.size > 0) {
        // An index lookup per pending measurement (OFFSET 0 keeps the planner from a scan of every version, which it
        // picks while the table's statistics lag its growth): the watcher must not load the database it watches.
        const { rows } = await reportingDb.query<{ measurement_id: string }>(
          `SELECT p.id AS measurement_id FROM unnest($1::uuid[]) AS p(id)
            WHERE EXISTS (SELECT 1 FROM reporting_measurement_versions v WHERE v.measurement_id = p.id OFFSET 0)`,
          [[...pending.keys()]],
        );
        const now = performance.now();
        for (const { measurement_id: id } of rows) {
          times.push(now - pending.get(id)!);
          pending.delete(id);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    watch: (measurementId: string, acknowledgedAt: number) => pending.set(measurementId, acknowledgedAt),
    stop: async () => {
      stopped = true;
      await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, 60_000))]);
      return times.sort((a, b) => a - b);
    },
  };
}

/** Sends `send(i)` at `rate` per second for `seconds` (open loop), or flat out over `connections` when rate is 0. */
async function drive(
  options: Pick<LoadOptions, 'rate' | 'seconds' | 'connections'>,
  send: (i: number) => Promise<void>,
): Promise<number> {
  const started = performance.now();
  if (options.rate > 0) {
    const total = Math.round(options.rate * options.seconds);
    await Promise.all(
      Array.from({ length: total }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, started + (i * 1000) / options.rate - performance.now()));
        await send(i);
      }),
    );
  } else {
    let next = 0;
    const deadline = started + options.seconds * 1000;
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (performance.now() < deadline) await send(next++);
      }),
    );
  }
  return (performance.now() - started) / 1000;
}

/**
 * `npm run bench:load`: sustained intake at a chosen rate (or flat out) against the running services, with the
 * HTTP floor (GET /health at the same rate) as the peer measured in the same run.
 */
export async function benchLoad(argv: string[], _env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<string> {
  const options = parse(argv);
  const regencyCode = '35.07';
  const signed = await signDevToken(
    { role: 'tpps', regencyCode, subject: 'bench-load' },
    process.env['AUTH_DEV_SECRET'] ?? DEV_SECRET_DEFAULT,
  );
  if (signed.kind !== 'signed') throw new Error(signed.reason);
  const token = signed.token;
  const regions = loadRegions();
  const villages = regions.childrenOf(regencyCode).flatMap((district) => regions.childrenOf(district.code));
  const run = randomUUID().slice(0, 8);

  log(`registering ${options.children} children in ${regencyCode}`);
  const childIds: string[] = [];
  for (let i = 0; i < options.children; i += 2000) {
    const items = Array.from({ length: Math.min(2000, options.children - i) }, (_, k) => ({
      name: `Anak Beban ${run} ${i + k}`,
      sex: (i + k) % 2 ? 'female' : 'male',
      birthDate: `202${3 + ((i + k) % 2)}-0${1 + ((i + k) % 9)}-15`,
      mother: { name: `Ibu Beban ${run} ${i + k}` },
      address: { villageCode: villages[(i + k) % villages.length].code },
    }));
    const { status, json } = await post(`${IDENTITY}/v1/children:batch`, token, { items });
    if (status !== 200) throw new Error(`registration answered ${status}: ${JSON.stringify(json).slice(0, 300)}`);
    for (const result of (json as { results: Array<{ id: string }> }).results) childIds.push(result.id);
  }
  const intakeDb = databasePool(stackDatabase('intake'));
  const reportingDb = databasePool(stackDatabase('reporting'));
  const admin = new Kafka({
    clientId: 'bench-load',
    brokers: (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    // Intake learns of the children from identity's events; the load starts once it knows the last one.
    for (const deadline = Date.now() + 120_000; ;) {
      const { rows } = await intakeDb.query('SELECT 1 FROM intake_known_children WHERE child_id = ANY($1)', [
        childIds.slice(-50),
      ]);
      if (rows.length === Math.min(50, childIds.length)) break;
      if (Date.now() > deadline) throw new Error('intake did not learn of the registered children within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    let sequence = 0;
    const measurement = () => {
      const n = sequence++;
      const day = 1 + (n % 28);
      return {
        childId: childIds[n % childIds.length],
        measuredOn: `2025-${String(1 + (Math.floor(n / childIds.length) % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        weightKg: 7 + (n % 60) / 10,
        heightCm: 65 + (n % 200) / 10,
        position: 'standing',
        puskesmasCode: 'P-BENCH-LOAD',
        sourceRecordId: `load-${run}-${n}`,
      };
    };

    const floor = await phase('floor: GET /health (no work)', options, async () => {
      const sent = performance.now();
      const response = await fetch(`${INTAKE}/health`);
      await response.arrayBuffer();
      const ok = response.status === 200;
      return { ok, latency: performance.now() - sent, acknowledged: [], items: ok ? 1 : 0 };
    });

    const label =
      options.batch === 1 ? 'POST /v1/measurements' : `POST /v1/measurements:batch (${options.batch} items)`;
    const intake = await phase(label, options, async () => {
      const items = Array.from({ length: options.batch }, measurement);
      const sent = performance.now();
      const { status, json } =
        options.batch === 1
          ? await post(`${INTAKE}/v1/measurements`, token, items[0])
          : await post(`${INTAKE}/v1/measurements:batch`, token, { items });
      const latency = performance.now() - sent;
      const ids =
        options.batch === 1
          ? status === 201
            ? [(json as { id: string }).id]
            : []
          : ((json as { results?: Array<{ status: string; measurement?: { id: string } }> }).results ?? [])
              .filter((result) => result.status === 'created')
              .map((result) => result.measurement!.id);
      return { ok: status === 201 || status === 200, latency, acknowledged: ids, items: ids.length };
    });

    const rows = [floor, intake].map((result) => [
      result.name,
      result.offered,
      result.items,
      Math.round(result.items / result.seconds),
      median(result.latencies).toFixed(1),
      percentile(result.latencies, 95).toFixed(1),
      percentile(result.latencies, 99).toFixed(1),
      result.failures,
      result.toReport.length ? percentile(result.toReport, 50).toFixed(0) : '',
      result.toReport.length ? percentile(result.toReport, 95).toFixed(0) : '',
      result.toReport.length ? percentile(result.toReport, 99).toFixed(0) : '',
      result.maxRelayBacklog,
      result.maxConsumerLag,
    ]);
    return [
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString()}`,
      `Command: npm run bench:load -- ${argv.join(' ')}`,
      '',
      table(
        [
          'phase',
          'offered',
          'items',
          'items/s',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'failures',
          'to report p50 ms',
          'p95 ms',
          'p99 ms',
          'max relay backlog',
          'max reporting lag',
        ],
        rows,
      ),
      '',
      `CPU per item, by process, until every consumer caught up (ms; services running: ${(await runningServices()).join(', ')}):`,
      ...[floor, intake].map((result) => `- ${result.name}: ${formatCpuPerItem(result.cpuPerItem)}`),
    ].join('\n');

    async function phase(
      name: string,
      opts: LoadOptions,
      send: () => Promise<{ ok: boolean; latency: number; acknowledged: string[]; items: number }>,
    ): Promise<PhaseResult> {
      log(
        `${name}: ${opts.rate > 0 ? `${opts.rate} requests/s` : `flat out on ${opts.connections} connections`} for ${opts.seconds} s`,
      );
      const latencies: number[] = [];
      let failures = 0;
      let items = 0;
      const lag = lagSampler(intakeDb, reportingDb, admin);
      const watcher = reportWatcher(reportingDb);
      const cpu = cpuMeter();
      const seconds = await drive(opts, async () => {
        try {
          const outcome = await send();
          latencies.push(outcome.latency);
          if (!outcome.ok) failures += 1;
          items += outcome.items;
          const acknowledgedAt = performance.now();
          for (const id of outcome.acknowledged) watcher.watch(id, acknowledgedAt);
        } catch {
          failures += 1;
        }
      });
      const toReport = await watcher.stop();
      const { maxRelayBacklog, maxConsumerLag } = await lag.stop();
      // Until everything downstream has caught up: what the phase's requests cost the whole registry.
      await downstreamCaughtUp();
      const cpuPerItem = cpu.stop(Math.max(items, 1));
      latencies.sort((a, b) => a - b);
      return {
        name,
        cpuPerItem,
        offered:
          opts.rate > 0
            ? `${opts.rate} req/s × ${opts.batch === 1 || name.startsWith('floor') ? 1 : opts.batch}`
            : 'flat out',
        items,
        seconds,
        latencies,
        failures,
        toReport,
        maxRelayBacklog,
        maxConsumerLag,
      };
    }
  } finally {
    await admin.disconnect();
    await intakeDb.end();
    await reportingDb.end();
  }
}
