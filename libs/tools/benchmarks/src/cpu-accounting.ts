import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

/**
 * Which part of the registry a process is, from its command line: a service by its build path, a PostgreSQL
 * backend by its database (the server's own processes together), the Kafka broker, this benchmark.
 */
export function processLabel(commandLine: string, pid: number): string | null {
  if (pid === process.pid) return 'benchmark client';
  const service = /dist\/apps\/([a-z]+)\/src\/main\.js/.exec(commandLine);
  if (service) return service[1];
  if (commandLine.startsWith('postgres:')) {
    const database = /^postgres: [^:]+: \S+ (\S+) /.exec(commandLine);
    return database ? `PostgreSQL ${database[1].replace(/^registry_/, '')}` : 'PostgreSQL server';
  }
  if (commandLine.includes('kafka.Kafka')) return 'Kafka';
  return null;
}

export type CpuSample = ReadonlyMap<number, { readonly label: string; readonly seconds: number }>;

/** CPU seconds (user + system) used so far by each process of the registry. */
export function sampleCpu(): CpuSample {
  const sample = new Map<number, { label: string; seconds: number }>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const label = processLabel(commandLine, pid);
      if (!label) continue;
      // The command name in parentheses may hold spaces: count fields after its closing parenthesis.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = Number(fields[11]) + Number(fields[12]);
      sample.set(pid, { label, seconds: ticks / TICKS_PER_SECOND });
    } catch {
      // the process ended between the listing and the read
    }
  }
  return sample;
}

/**
 * Samples every `intervalMs` until stop(), so processes that end meanwhile (PostgreSQL backends an idle pool
 * closes) keep the time they had used at their last sample; a process that started in between counts from zero.
 */
export function cpuMeter(intervalMs = 200): { stop(items: number): Array<[string, number]> } {
  const first = sampleCpu();
  const latest = new Map(first);
  const timer = setInterval(() => {
    for (const [pid, used] of sampleCpu()) latest.set(pid, used);
  }, intervalMs);
  return {
    stop(items) {
      clearInterval(timer);
      for (const [pid, used] of sampleCpu()) latest.set(pid, used);
      return cpuPerItem(first, latest, items);
    },
  };
}

/** CPU milliseconds per item by part, between two samples, largest first. */
export function cpuPerItem(before: CpuSample, after: CpuSample, items: number): Array<[string, number]> {
  const byLabel = new Map<string, number>();
  for (const [pid, { label, seconds }] of after) {
    const used = seconds - (before.get(pid)?.seconds ?? 0);
    byLabel.set(label, (byLabel.get(label) ?? 0) + used);
  }
  return [...byLabel.entries()]
    .map(([label, seconds]): [string, number] => [label, (seconds * 1000) / items])
    .filter(([, ms]) => ms >= 0.005)
    .sort((a, b) => b[1] - a[1]);
}

/** "intake 0.41, PostgreSQL intake 0.30, … — total 1.20 ms" */
export function formatCpuPerItem(parts: ReadonlyArray<[string, number]>): string {
  const total = parts.reduce((sum, [, ms]) => sum + ms, 0);
  return `${parts.map(([label, ms]) => `${label} ${ms.toFixed(2)}`).join(', ')} — total ${total.toFixed(2)} ms`;
}
