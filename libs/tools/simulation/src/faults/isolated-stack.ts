import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';

export const SERVICES = ['identity', 'intake', 'interventions', 'sponsorship', 'reporting'] as const;
export type Service = (typeof SERVICES)[number];

const DEFAULT_PORTS: Record<Service, number> = {
  identity: 3001,
  intake: 3002,
  interventions: 3003,
  sponsorship: 3004,
  reporting: 3005,
};

/**
 * The stack the fault run owns, driven through the repository's scripts with the environment scripts/faults.sh set
 * (REGISTRY_VAR_DIR, PG_PRIVATE, KAFKA_PORT, IDENTITY_PORT…): killing and restarting its parts never touches the
 * developer stack.
 */
export class IsolatedStack {
  readonly urls: Record<Service, string>;

  constructor(
    private readonly root: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.urls = Object.fromEntries(
      SERVICES.map((service) => [
        service,
        `http://127.0.0.1:${env[`${service.toUpperCase()}_PORT`] ?? DEFAULT_PORTS[service]}`,
      ]),
    ) as Record<Service, string>;
    this.kafkaNodes = Number(env['KAFKA_NODES'] ?? 1);
  }

  /** Broker+controller nodes of its Kafka (KAFKA_NODES, 1 or 3 or more; numbered from 1). */
  readonly kafkaNodes: number;

  killKafka = () => this.run('infra/kafka/kafka.sh', 'kill');
  killKafkaNode = (node: number) => this.run('infra/kafka/kafka.sh', 'kill', String(node));
  /** A clean shutdown of one node: it hands its partitions' leadership over first. */
  stopKafkaNode = (node: number) => this.run('infra/kafka/kafka.sh', 'stop', String(node));
  /** Resolves once the node answers again. */
  startKafkaNode = (node: number) => this.run('infra/kafka/kafka.sh', 'start-node', String(node));
  /** The node that leads the metadata quorum, as Kafka's MetadataQuorumCommand tells it. */
  activeController = async (): Promise<number> => Number(await this.run('infra/kafka/kafka.sh', 'controller'));
  startKafka = () => this.run('infra/kafka/kafka.sh', 'start');
  /** Kafka lost whole: killed, its data deleted; the next start formats a new cluster of another id. */
  wipeKafka = async () => {
    await this.killKafka();
    await rm(path.join(this.env['REGISTRY_VAR_DIR']!, 'kafka'), { recursive: true, force: true });
  };
  killPostgres = () => this.run('infra/postgres/postgres.sh', 'kill');
  startPostgres = () => this.run('infra/postgres/postgres.sh', 'start');
  killService = (service: Service) => this.run('scripts/services.sh', 'kill', service);
  /** As a supervisor restarts a crashed process: resolves once the service is /ready again. */
  startService = (service: Service) => this.run('scripts/services.sh', 'start', service);

  /** Resolves once the service's HTTP server answers at all (any status): the process is up. */
  async listening(service: Service, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const answered = await fetch(`${this.urls[service]}/health`, { signal: AbortSignal.timeout(2000) }).then(
        () => true,
        () => false,
      );
      if (answered) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${service} did not listen within ${timeoutMs / 1000} s`);
  }

  /** The services that do not answer /ready with 200 by the deadline, without anyone touching them. */
  async notReady(timeoutMs: number): Promise<Service[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const statuses = await Promise.all(
        SERVICES.map((service) =>
          fetch(`${this.urls[service]}/ready`, { signal: AbortSignal.timeout(5000) }).then(
            (response) => response.status,
            () => 0,
          ),
        ),
      );
      const down = SERVICES.filter((_, i) => statuses[i] !== 200);
      if (down.length === 0 || Date.now() > deadline) return down;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Runs one of the repository's scripts; resolves with what it printed on stdout. */
  private run(script: string, ...args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn('bash', [path.join(this.root, script), ...args], {
        cwd: this.root,
        env: { ...this.env, SERVICES_BUILT: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      let errors = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0
          ? resolve(output.trim())
          : reject(new Error(`${script} ${args.join(' ')} failed (${code}): ${errors.trim()}`)),
      );
    });
  }
}
