/** Polls `check` until it yields a value (not undefined) or the deadline passes; then rejects with `describe()`. */
export async function waitUntil<T>(
  check: () => Promise<T | undefined>,
  options: {
    readonly timeoutMs: number;
    readonly intervalMs?: number;
    readonly describe: () => string | Promise<string>;
  },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Error(await options.describe());
    await delay(Math.min(options.intervalMs ?? 50, Math.max(deadline - Date.now(), 1)));
  }
}

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
