/** Percentile of sorted samples (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const median = (values: readonly number[]): number =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** The middle value, the upper of the two for an even count: what the events and anthropometry figures report. */
export const upperMedian = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** A markdown table, for BENCHMARKS.md. */
export function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const line = (cells: ReadonlyArray<string | number>) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Latencies of `work` in ms after a warm-up: `runs` samples, or as many as fit the budget (at least 3). */
export async function latencies(
  work: () => Promise<unknown>,
  options: { warmup: number; runs: number; budgetSeconds: number },
): Promise<{ runs: number; p50: number; p95: number; max: number }> {
  for (let i = 0; i < options.warmup; i += 1) await work();
  const samples: number[] = [];
  const deadline = Date.now() + options.budgetSeconds * 1000;
  while (samples.length < options.runs && (samples.length < 3 || Date.now() < deadline)) {
    samples.push((await timed(work)).seconds * 1000);
  }
  samples.sort((a, b) => a - b);
  return {
    runs: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: samples[samples.length - 1],
  };
}

/** A latencies() result as table cells: runs, p50, p95 and max in milliseconds. */
export const latencyCells = (l: { runs: number; p50: number; p95: number; max: number }, digits = 1) => [
  l.runs,
  l.p50.toFixed(digits),
  l.p95.toFixed(digits),
  l.max.toFixed(digits),
];
