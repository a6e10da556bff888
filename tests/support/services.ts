import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const repositoryRoot = path.resolve(__dirname, '../..');

export const servicePorts = {
  identity: Number(process.env['IDENTITY_PORT'] ?? 3001),
  intake: Number(process.env['INTAKE_PORT'] ?? 3002),
  interventions: Number(process.env['INTERVENTIONS_PORT'] ?? 3003),
  sponsorship: Number(process.env['SPONSORSHIP_PORT'] ?? 3004),
  reporting: Number(process.env['REPORTING_PORT'] ?? 3005),
} as const;

export type ServiceName = keyof typeof servicePorts;

export const serviceUrl = (service: ServiceName, route: string): string =>
  `http://127.0.0.1:${servicePorts[service]}${route}`;

/** Polls until the predicate holds, failing with the message after the deadline: tests wait on state, never on time. */
export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  message: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe().catch(() => undefined as T);
    if (last !== undefined && accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${message} (last seen: ${JSON.stringify(last)})`);
}

export interface StartedProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs one built service, or the dashboard, (dist/) as its own process with the given environment. */
export function startBuiltService(service: ServiceName | 'dashboard', env: NodeJS.ProcessEnv): StartedProcess {
  const child = spawn(process.execPath, [path.join(repositoryRoot, `dist/apps/${service}/src/main.js`)], {
    env: { PATH: process.env['PATH'], ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

export interface JsonResponse {
  readonly status: number;
  readonly headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
  readonly body: any;
}

/**
 * One HTTP call with a JSON body (if any); returns status, headers and the parsed body, or the text of an answer
 * that is not JSON (/metrics).
 */
export async function request(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse> {
  const response = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = /\bjson\b/.test(response.headers.get('content-type') ?? '');
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (json ? JSON.parse(text) : text) : undefined,
  };
}

const databases = new Map<ServiceName, Promise<string>>();

/**
 * The database of the instance under test, as its /ready reports it: a developer's instance runs beside the main
 * one on a database of its own (DATABASE_NAME), and npm test's on <stack>_e2e_<service> (REGISTRY_STACK).
 */
export function databaseOf(service: ServiceName): Promise<string> {
  if (!databases.has(service))
    databases.set(
      service,
      request('GET', serviceUrl(service, '/ready')).then(({ body }) => body.info.postgresql.database as string),
    );
  return databases.get(service)!;
}

/** Drops a database a test made for itself, ending any connection still open to it. */
export function dropDatabase(name: string): void {
  execFileSync('psql', [process.env['DATABASE_URL']!, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
}

/** SIGKILLs one of the running services (scripts/services.sh): no shutdown hook runs, as in a crash. */
export function killService(service: ServiceName): void {
  runServicesScript('kill', service);
}

/** Starts every service that is not running and waits until each is /ready. */
export function startServices(): void {
  runServicesScript('start');
}

function runServicesScript(...args: string[]): void {
  const result = spawnSync('bash', [path.join(repositoryRoot, 'scripts/services.sh'), ...args], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0)
    throw new Error(`scripts/services.sh ${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
}
