import { todayInIndonesia } from '@registry/contracts';
import { parseArgs } from 'node:util';
import { DEV_SECRET_DEFAULT, signDevToken } from '@registry/access';
import { loadGrowthStandards, loadRegions } from '@registry/reference-data';
import type { Pool } from 'pg';
import { ClusterFaults, type ClusterFaultReport } from '../faults/cluster-faults';
import { IsolatedStack, SERVICES, type Service } from '../faults/isolated-stack';
import { checkRound } from '../faults/round-checks';
import { serviceDatabases, waitUntilSettled } from '../faults/settled';
import { generateKabupaten } from '../kabupaten';
import { pushKabupaten, type PushReport } from '../push';

const storedMeasurements = async (intake: Pool): Promise<number> => {
  const { rows } = await intake
    .query<{ n: number }>('SELECT count(*)::int AS n FROM intake_source_records')
    .catch(() => ({ rows: [{ n: 0 }] }));
  return rows[0].n;
};

/** Resolves once the relay of each service has a checkpoint acknowledged by a Kafka cluster. */
async function publishedToCluster(databases: Record<Service, Pool>, services: Service[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (const service of services) {
    for (;;) {
      const { rows } = await databases[service]
        .query('SELECT 1 FROM es_relay_checkpoints WHERE cluster_id IS NOT NULL AND global_position > 0')
        .catch(() => ({ rows: [] }));
      if (rows.length > 0) break;
      if (Date.now() > deadline) throw new Error(`${service}: its relay published nothing within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** How long two of three nodes stay down while the generator pushes. */
const OUTAGE_MS = 20_000;

/**
 * The replicated cluster's faults (KAFKA_NODES=3): two of three nodes stopped, during which the stores must keep
 * taking writes and no relay may checkpoint a send as published; then the leader of a busy partition and the active
 * controller killed -9 and restarted. A wiped cluster is the single node's round: three nodes are not wiped at once.
 */
async function clusterFaults(
  stack: IsolatedStack,
  databases: Record<Service, Pool>,
  env: NodeJS.ProcessEnv,
  fault: (name: string, action: () => Promise<void>) => Promise<void>,
  pushDone: () => boolean,
  failures: string[],
  log: (line: string) => void,
  since: () => number,
): Promise<void> {
  const cluster = new ClusterFaults(stack, databases, env['KAFKA_BROKERS']!.split(','), env['REGISTRY_STACK']!);
  await cluster.connect();
  const recovered = (report: ClusterFaultReport) =>
    log(`  [${since()} s] ${report.detail}: every replica in sync again ${report.recoveredSeconds.toFixed(1)} s after`);
  try {
    // The outage first, while the generator registers and measures at full speed: on a healthy cluster its push is
    // over within a minute, and the stores are asked to take writes only while writes come.
    await fault(`stop two of three Kafka nodes for ${OUTAGE_MS / 1000} s, start them again`, async () => {
      const outage = await cluster.stopTwo(OUTAGE_MS);
      recovered(outage);
      log(`  [${since()} s] stored while two nodes were down: ${outage.storedDuringOutage} events`);
      if (outage.storedDuringOutage === 0 && !pushDone())
        failures.push('no service stored a write while two Kafka nodes were down');
      if (outage.checkpointsAdvanced.length > 0)
        failures.push(`relays checkpointed sends with one in-sync replica: ${outage.checkpointsAdvanced.join(', ')}`);
    });
    // The leader killed must lead something: a partition intake's relay has published to.
    await publishedToCluster(databases, ['identity', 'intake'], 120_000);
    await fault('kill -9 the leader of the busiest partition, restart it', async () =>
      recovered(await cluster.killBusiestLeader()),
    );
    await fault('kill -9 the active controller, restart it', async () =>
      recovered(await cluster.killActiveController()),
    );
  } finally {
    await cluster.disconnect();
  }
}

const USAGE = `bash scripts/faults.sh (npm run test:faults) runs this once per round on the stack it started:
  --seed N          the generated kabupaten (default 1)
  --children N      children to register while the faults happen (default 800)
  --months N        months of visits (default 24)
  --regency CODE    kabupaten to populate (default 36.03); --move-to CODE where movers go (default 36.04)`;

interface FaultRecord {
  readonly fault: string;
  /** Seconds after the generator started pushing. */
  readonly at: number;
  readonly seconds: number;
  readonly duringPush: boolean;
}

/**
 * One fault round: the generator pushes a kabupaten through the public APIs while the broker, PostgreSQL and each
 * service are killed and restarted; once everything is caught up, what the registry holds is compared with what the
 * generator sent. Refuses to run against the developer stack. Throws (non-zero exit) when a check fails.
 */
export async function runFaultsCommand(
  argv: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string', default: '1' },
      children: { type: 'string', default: '800' },
      months: { type: 'string', default: '24' },
      regency: { type: 'string', default: '36.03' },
      'move-to': { type: 'string', default: '36.04' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return USAGE;
  if (!env['REGISTRY_VAR_DIR'] || env['PG_PRIVATE'] !== '1' || !env['KAFKA_PORT'])
    throw new Error(`the fault round kills what it runs on: start it through scripts/faults.sh\n${USAGE}`);
  const started = Date.now();
  const since = () => Math.round((Date.now() - started) / 100) / 10;
  const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 7);
  const standards = loadGrowthStandards();
  const kabupaten = generateKabupaten(loadRegions(), standards, {
    regencyCode: values.regency!,
    children: Number(values.children),
    months: Number(values.months),
    seed: Number(values.seed),
    prevalencePct: 20,
    untilMonth: lastMonth,
    moveToRegencyCode: values['move-to']!,
  });
  const secret = env['AUTH_DEV_SECRET'] ?? DEV_SECRET_DEFAULT;
  const token = async (role: string, regencyCode?: string) => {
    const signed = await signDevToken({ role, regencyCode, subject: `faults-${role}-${regencyCode ?? 'all'}` }, secret);
    if (signed.kind !== 'signed') throw new Error(signed.reason);
    return signed.token;
  };
  const tokens = { statistician: await token('statistician'), admin: await token('admin') };
  const stack = new IsolatedStack(process.cwd(), env);
  const databases = serviceDatabases(env['DATABASE_URL']!, env['REGISTRY_STACK'] || 'registry');
  const failures: string[] = [];

  let pushDone = false;
  let pushStarted: () => void = () => undefined;
  const firstProgress = new Promise<void>((resolve) => (pushStarted = resolve));
  const push: Promise<PushReport | Error> = pushKabupaten(
    kabupaten,
    { identity: stack.urls.identity, intake: stack.urls.intake },
    { tpps: await token('tpps', values.regency), destinationTpps: await token('tpps', values['move-to']) },
    (line) => {
      pushStarted();
      log(`  [${since()} s] generator: ${line}`);
    },
    // Restarts take up to a minute here; a service that has not recovered in 2.5 minutes will not.
    { retryForMs: 150_000 },
  ).then(
    (report) => ((pushDone = true), report),
    (error: Error) => ((pushDone = true), error),
  );

  const faults: FaultRecord[] = [];
  const fault = async (name: string, action: () => Promise<void>) => {
    const at = since();
    const duringPush = !pushDone;
    log(`  [${at} s] fault: ${name}`);
    await action();
    faults.push({ fault: name, at, seconds: Math.round((since() - at) * 10) / 10, duringPush });
  };
  try {
    await Promise.race([firstProgress, push]);
    if (stack.kafkaNodes >= 3) {
      await clusterFaults(stack, databases, env, fault, () => pushDone, failures, log, since);
    } else {
      await fault('kill -9 Kafka, restart it', async () => {
        await stack.killKafka();
        await stack.startKafka();
      });
      // The stores are the truth: relays republish them into the new cluster, consumers skip what they applied.
      // Wiped once the relays have published to the cluster, so that there is something to lose.
      await publishedToCluster(databases, ['identity', 'intake'], 120_000);
      await fault('wipe Kafka (kill -9, delete its data), start a new cluster', async () => {
        await stack.wipeKafka();
        await stack.startKafka();
      });
    }
    // Each service is killed once the previous one is back up, and restarted at once, as a supervisor does; its
    // consumers rejoin their groups after the dead member's session times out, so readiness is awaited at the end.
    const restarts: Array<Promise<Service | null>> = [];
    for (const service of SERVICES) {
      await fault(`kill -9 ${service}, restart it`, async () => {
        await stack.killService(service);
        restarts.push(
          stack.startService(service).then(
            () => null,
            () => service,
          ),
        );
        await stack.listening(service);
      });
    }
    // PostgreSQL last, once intake stores measurements again: the restart then cuts batches, relays and consumers
    // in the middle of their transactions.
    while (!pushDone && (await storedMeasurements(databases.intake)) === 0)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await fault('restart PostgreSQL (immediate shutdown, no checkpoint), start it', async () => {
      await stack.killPostgres();
      await stack.startPostgres();
    });
    const unrecovered = (await Promise.all(restarts)).filter((service) => service !== null);
    if (unrecovered.length > 0) failures.push(`not /ready after a restart: ${unrecovered.join(', ')}`);
    log(`  [${since()} s] every restarted service is /ready`);

    const pushed = await push;
    if (pushed instanceof Error) {
      const down = await stack.notReady(0);
      throw new Error(`the generator gave up: ${pushed.message}; not /ready now: ${down.join(', ') || 'none'}`);
    }
    log(`  [${since()} s] generator done in ${pushed.seconds.toFixed(1)} s: ${JSON.stringify(pushed.counts)}`);
    const notReady = await stack.notReady(120_000);
    if (notReady.length > 0) failures.push(`did not recover by itself (/ready): ${notReady.join(', ')}`);
    // A service that is gone keeps the others from catching up: no use waiting for them.
    if (failures.length > 0) throw new Error(`${failures.length} problems:\n  ${failures.join('\n  ')}`);
    await waitUntilSettled(stack, databases, env['KAFKA_BROKERS']!.split(','), tokens.admin, 240_000);
    const settledAt = since();
    log(`  [${settledAt} s] relays drained, every consumer caught up`);
    const today = todayInIndonesia(new Date());
    const checks = await checkRound({ kabupaten, pushed, standards, databases, stack, tokens, today });
    for (const c of checks) log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: expected ${c.expected}, got ${c.actual}`);
    failures.push(...checks.filter((c) => !c.ok).map((c) => `${c.name}: expected ${c.expected}, got ${c.actual}`));
    const summary = {
      seed: kabupaten.options.seed,
      children: kabupaten.children.length,
      pushed: pushed.counts,
      faults,
      settledAfterSeconds: settledAt,
      seconds: since(),
      checks: checks.length,
      failures,
    };
    if (failures.length > 0) throw new Error(`${failures.length} problems:\n  ${failures.join('\n  ')}`);
    return JSON.stringify(summary);
  } finally {
    await Promise.all(Object.values(databases).map((db) => db.end()));
  }
}
