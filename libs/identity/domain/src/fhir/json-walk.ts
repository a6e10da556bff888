/** Reading untyped JSON resources without trusting their shape: each accessor answers undefined when it is not so. */
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const objectAt = (value: Json, key: string): Json | undefined =>
  isObject(value[key]) ? (value[key] as Json) : undefined;

export const textAt = (value: Json, key: string): string | undefined =>
  typeof value[key] === 'string' && (value[key] as string).trim() !== '' ? (value[key] as string).trim() : undefined;

/** The objects of a list; a list of something else, or no list, is empty. */
export const objectsAt = (value: Json, key: string): Json[] =>
  Array.isArray(value[key]) ? (value[key] as unknown[]).filter(isObject) : [];

/** FHIR's date (YYYY-MM-DD) or the date part of a dateTime, when it is a real calendar date. */
export function calendarDateOf(value: string | undefined): string | undefined {
  const match = value === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day)
    ? `${year}-${month}-${day}`
    : undefined;
}
