export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;

/** The day in Indonesia's easternmost zone (UTC+9): nothing delivered "today" anywhere in the country is future. */
export const todayIn = (now: Date): string => new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
