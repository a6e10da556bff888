/** The injection token of every service's clock: time is injected, so tests and tools can set "now". */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;

/**
 * The calendar day at `now` in Indonesia's easternmost zone (WIT, UTC+9): nothing born, measured or given "today"
 * anywhere in the country is in the future by it.
 */
export const todayInIndonesia = (now: Date): string =>
  new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
