/**
 * A small runtime schema for event payloads: contracts must be checked at the edge of every consumer, and this
 * library may not depend on a framework. A schema returns the problems it finds, each naming the field path.
 */
export type Schema<T> = { readonly check: (value: unknown, path: string) => string[]; readonly _type?: T };
export type Infer<S> = S extends Schema<infer T> ? T : never;
/** A field events written before it existed lack: its key is optional in the inferred type too. */
type OptionalSchema<T> = Schema<T | undefined> & { readonly optional: true };
type OptionalKeys<Shape> = {
  [K in keyof Shape]: Shape[K] extends { readonly optional: true } ? K : never;
}[keyof Shape];
type ObjectOf<Shape> = {
  [K in keyof Shape as K extends OptionalKeys<Shape> ? never : K]: Infer<Shape[K]>;
} & { [K in OptionalKeys<Shape>]?: Infer<Shape[K]> };
type Flat<T> = { [K in keyof T]: T[K] };

const problem = (path: string, expected: string, value: unknown): string[] => [
  `${path || 'value'}: expected ${expected}, got ${value === null ? 'null' : typeof value === 'object' ? 'object' : JSON.stringify(value)}`,
];

const primitive = <T>(expected: string, test: (value: unknown) => boolean): Schema<T> => ({
  check: (value, path) => (test(value) ? [] : problem(path, expected, value)),
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const s = {
  string: () => primitive<string>('a string', (v) => typeof v === 'string'),
  uuid: () => primitive<string>('a UUID', (v) => typeof v === 'string' && UUID.test(v)),
  isoDate: () => primitive<string>('a date YYYY-MM-DD', (v) => typeof v === 'string' && ISO_DATE.test(v)),
  number: () => primitive<number>('a finite number', (v) => typeof v === 'number' && Number.isFinite(v)),
  integer: () => primitive<number>('an integer', (v) => Number.isInteger(v)),
  boolean: () => primitive<boolean>('a boolean', (v) => typeof v === 'boolean'),
  regionCode: (segments: 1 | 2 | 3 | 4) =>
    primitive<string>(
      `a Kemendagri code with ${segments} segment(s)`,
      (v) =>
        typeof v === 'string' &&
        new RegExp(`^\\d{2}(\\.\\d{2}){${Math.min(segments - 1, 2)}}${segments === 4 ? '\\.\\d{4}' : ''}$`).test(v),
    ),
  literal: <const T extends string>(...values: T[]) =>
    primitive<T>(`one of ${values.join(', ')}`, (v) => typeof v === 'string' && (values as string[]).includes(v)),
  nullable: <T>(inner: Schema<T>): Schema<T | null> => ({ check: (v, p) => (v === null ? [] : inner.check(v, p)) }),
  optional: <T>(inner: Schema<T>): OptionalSchema<T> => ({
    optional: true,
    check: (v, p) => (v === undefined ? [] : inner.check(v, p)),
  }),
  array: <T>(inner: Schema<T>): Schema<T[]> => ({
    check: (v, p) =>
      Array.isArray(v) ? v.flatMap((item, i) => inner.check(item, `${p}[${i}]`)) : problem(p, 'an array', v),
  }),
  object: <Shape extends Record<string, Schema<unknown>>>(shape: Shape): Schema<Flat<ObjectOf<Shape>>> => ({
    check: (v, p) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return problem(p, 'an object', v);
      const record = v as Record<string, unknown>;
      return Object.entries(shape).flatMap(([key, inner]) => inner.check(record[key], p ? `${p}.${key}` : key));
    },
  }),
};
