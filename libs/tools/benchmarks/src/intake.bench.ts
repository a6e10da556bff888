import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { DEV_SECRET_DEFAULT, signDevToken } from '@registry/access';
import { loadGrowthStandards, loadRegions } from '@registry/reference-data';
import { generateKabupaten } from '@registry/simulation';
import { Client } from 'pg';
import { cpuMeter, formatCpuPerItem } from './cpu-accounting';
import { databaseUrl, downstreamCaughtUp, relayDrained, runningServices, stackDatabase } from './downstream';
import { median, percentile, table, timed } from './measure';

const IDENTITY = `http://127.0.0.1:${process.env['IDENTITY_PORT'] ?? 3001}`;
const INTAKE = `http://127.0.0.1:${process.env['INTAKE_PORT'] ?? 3002}`;

async function post(
  url: string,
  token: string,
  body: unknown,
): Promise<{ status: number; json: { results?: unknown[] } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as { results?: unknown[] } };
}

/** The ceiling: the same rows as one multi-row INSERT into a plain table, no events, no rules, no HTTP. */
async function rawInsertCeiling(rows: ReadonlyArray<Record<string, unknown>>): Promise<number> {
  const client = new Client({ connectionString: databaseUrl(stackDatabase('intake')) });
  await client.connect();
  try {
    await client.query('CREATE TEMP TABLE bench_raw (id uuid, child_id uuid, measured_on date, body jsonb)');
    const { seconds } = await timed(async () => {
      for (let i = 0; i < rows.length; i += 5000) {
        const chunk = rows.slice(i, i + 5000);
        await client.query(
          `INSERT INTO bench_raw SELECT gen_random_uuid(), (r->>'childId')::uuid, (r->>'measuredOn')::date, r FROM jsonb_array_elements($1::jsonb) r`,
          [JSON.stringify(chunk)],
        );
      }
    });
    return rows.length / seconds;
  } finally {
    await client.end();
  }
}

/** Calls `send` at a fixed arrival rate (open loop: latency includes queueing, as a client sees it). */
async function openLoop(
  rate: number,
  seconds: number,
  send: (i: number) => Promise<boolean>,
): Promise<{ latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let failures = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: rate * seconds }, async (_, i) => {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (i * 1000) / rate - Date.now())));
      const sent = process.hrtime.bigint();
      const ok = await send(i);
      latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
      if (!ok) failures += 1;
    }),
  );
  latencies.sort((a, b) => a - b);
  return { latencies, failures };
}

/**
 * Batch intake end to end (HTTP → durable events → on Kafka) against the running services, beside the raw-insert
 * ceiling of the same rows in the same run; and single-POST latency at a fixed arrival rate, beside GET /health at
 * that rate (the HTTP floor). The single POSTs come before the batches, a steady stream of its own; with
 * `--singles-last` they follow them, while PostgreSQL still writes back what the batches wrote.
 */
export async function benchIntake(
  argv: string[],
  _env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<string> {
  const numbers = argv.filter((arg) => !arg.startsWith('--'));
  const children = Number(numbers[0] ?? 3000);
  const rate = Number(numbers[1] ?? 200);
  const seconds = Number(numbers[2] ?? 20);
  // Batches in flight at once: a weighing day comes from many puskesmas and kabupaten integrations at a time.
  const parallelAt = argv.indexOf('--parallel');
  const parallel = parallelAt >= 0 ? Math.max(1, Number(argv[parallelAt + 1])) : 1;
  const singlesLast = argv.includes('--singles-last');
  const regencyCode = '35.10';
  const signed = await signDevToken(
    { role: 'tpps', regencyCode, subject: 'benchmark' },
    process.env['AUTH_DEV_SECRET'] ?? DEV_SECRET_DEFAULT,
  );
  if (signed.kind !== 'signed') throw new Error(signed.reason);
  const token = signed.token;
  const kabupaten = generateKabupaten(loadRegions(), loadGrowthStandards(), {
    regencyCode,
    children,
    months: 12,
    seed: Date.now() % 100000,
    prevalencePct: 20,
    untilMonth: new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1))
      .toISOString()
      .slice(0, 7),
    moveToRegencyCode: '35.09',
  });
  const run = randomUUID().slice(0, 8);
  const registrations = kabupaten.children.map((child) => ({
    name: `${child.name} ${run}`,
    sex: child.sex,
    birthDate: child.birthDate,
    mother: { name: child.motherName },
    address: { villageCode: child.villageCode },
  }));
  const services = await runningServices();
  log(
    `registering ${children} children, then ~${children * 8} measurements in batches, then ${rate} single POSTs/s for ${seconds} s`,
  );
  const ids: string[] = [];
  // Earlier work still flowing downstream would be billed to this run.
  await downstreamCaughtUp();
  const registrationMeter = cpuMeter();
  const registrationWindow = cpuMeter();
  const registered = await timed(async () => {
    for (let i = 0; i < registrations.length; i += 2000) {
      const { json } = await post(`${IDENTITY}/v1/children:batch`, token, { items: registrations.slice(i, i + 2000) });
      for (const result of json.results as Array<{ id: string }>) ids.push(result.id);
    }
    await relayDrained(stackDatabase('identity'));
  });
  const registrationCpu = registrationWindow.stop(children);
  const registrationDownstream = await timed(() => downstreamCaughtUp());
  const registrationCpuAll = registrationMeter.stop(children);
  const singles = async () => {
    const floor = await openLoop(rate, seconds, async () => (await fetch(`${INTAKE}/health`)).ok);
    const recorded = await openLoop(rate, seconds, async (i) => {
      const { status } = await post(`${INTAKE}/v1/measurements`, token, {
        childId: ids[i % ids.length],
        measuredOn: '2025-06-15',
        heightCm: 80,
        weightKg: 10,
        position: 'standing',
        puskesmasCode: 'PKM-BENCH',
        sourceRecordId: `single-${run}-${i}`,
      });
      return status === 201 || status === 422;
    });
    return { floor, recorded };
  };
  const measurements = kabupaten.children.flatMap((child, i) =>
    child.visits
      .filter((visit) => visit.villageCode === child.villageCode)
      .map((visit) => ({
        childId: ids[i],
        measuredOn: visit.measuredOn,
        heightCm: visit.heightCm,
        weightKg: visit.weightKg,
        position: visit.position,
        puskesmasCode: visit.puskesmasCode,
        posyanduCode: visit.posyanduCode,
        sourceRecordId: `${visit.sourceRecordId}-${run}`,
      })),
  );
  // Let intake learn of every child first, so the batch measures intake, not the identity → intake lag.
  await post(`${INTAKE}/v1/measurements:batch`, token, { items: measurements.slice(-1) });
  await downstreamCaughtUp();
  const singlesFirst = singlesLast ? undefined : await singles();
  if (singlesFirst) await downstreamCaughtUp();
  const measurementMeter = cpuMeter();
  const measurementWindow = cpuMeter();
  const batched = await timed(async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let i = next; i < measurements.length - 1; i = next) {
          next += 5000;
          const { status } = await post(`${INTAKE}/v1/measurements:batch`, token, {
            items: measurements.slice(i, Math.min(i + 5000, measurements.length - 1)),
          });
          if (status !== 200) throw new Error(`batch answered ${status}`);
        }
      }),
    );
    await relayDrained(stackDatabase('intake'));
  });
  const measurementCpu = measurementWindow.stop(measurements.length - 1);
  const measurementDownstream = await timed(() => downstreamCaughtUp());
  const measurementCpuAll = measurementMeter.stop(measurements.length - 1);
  const ceiling = await rawInsertCeiling(measurements);
  const { floor, recorded } = singlesFirst ?? (await singles());

  const perSecond = measurements.length / batched.seconds;
  return [
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${new Date().toISOString()}; services running: ${services.join(', ')}`,
    '',
    table(
      ['workload', 'items', 'seconds', 'items/s', 'vs ceiling'],
      [
        [
          'identity batch registration (HTTP → events → Kafka)',
          children,
          registered.seconds.toFixed(2),
          Math.round(children / registered.seconds),
          '',
        ],
        [
          `intake batch measurements (HTTP → events → Kafka), ${parallel} batch${parallel > 1 ? 'es' : ''} at a time`,
          measurements.length,
          batched.seconds.toFixed(2),
          Math.round(perSecond),
          (perSecond / ceiling).toFixed(2),
        ],
        [
          'ceiling: raw multi-row INSERT of the same rows',
          measurements.length,
          (measurements.length / ceiling).toFixed(2),
          Math.round(ceiling),
          '1.00',
        ],
      ],
    ),
    '',
    'CPU per item, by process (ms):',
    `- registration, until on Kafka: ${formatCpuPerItem(registrationCpu)}`,
    `- registration, until every consumer caught up (${registrationDownstream.seconds.toFixed(1)} s more${lagging(registrationDownstream.result)}): ${formatCpuPerItem(registrationCpuAll)}`,
    `- measurements, until on Kafka: ${formatCpuPerItem(measurementCpu)}`,
    `- measurements, until every consumer caught up (${measurementDownstream.seconds.toFixed(1)} s more${lagging(measurementDownstream.result)}): ${formatCpuPerItem(measurementCpuAll)}`,
    '',
    table(
      [`open loop, ${seconds} s`, 'rate/s', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'failures'],
      [
        { name: `single POST /v1/measurements, ${singlesLast ? 'after' : 'before'} the batches`, ...recorded },
        { name: 'floor: GET /health', ...floor },
      ].map(({ name, latencies, failures }) => [
        name,
        rate,
        latencies.length,
        median(latencies).toFixed(1),
        percentile(latencies, 95).toFixed(1),
        percentile(latencies, 99).toFixed(1),
        latencies[latencies.length - 1].toFixed(1),
        failures,
      ]),
    ),
  ].join('\n');
}

const lagging = (behind: readonly string[]): string =>
  behind.length > 0 ? `; still behind: ${behind.join(', ')}` : '';
