/**
 * A small runtime schema for event payloads: contracts must be checked at the edge of every consumer, and this
 * library may not depend on a framework. A schema returns the problems it finds, each naming the field path.
 * Each schema also carries its JSON Schema, written beside the check it describes, so that what the AsyncAPI document
 * publishes is what the services check (the unit spec holds the two to agreement).
 */
export type Schema<T> = {
  readonly check: (value: unknown, path: string) => string[];
  readonly json: JsonSchema;
  readonly _type?: T;
};
export type Infer<S> = S extends Schema<infer T> ? T : never;

/** The JSON Schema keywords these schemas use (draft-07, which AsyncAPI 3's default schema format extends). */
export interface JsonSchema {
  readonly type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';
  readonly pattern?: string;
  readonly enum?: readonly (string | number)[];
  readonly anyOf?: readonly JsonSchema[];
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly description?: string;
  readonly examples?: readonly unknown[];
}

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

const primitive = <T>(expected: string, test: (value: unknown) => boolean, json: JsonSchema): Schema<T> => ({
  check: (value, path) => (test(value) ? [] : problem(path, expected, value)),
  json,
});

/** A string matching `pattern`: one source text for the check's RegExp and the JSON Schema's `pattern`. */
const matching = (pattern: string, expected: string, example: string): Schema<string> => {
  const regExp = new RegExp(pattern);
  return primitive(expected, (v) => typeof v === 'string' && regExp.test(v), {
    type: 'string',
    pattern,
    examples: [example],
  });
};

const REGION_CODE_EXAMPLES = ['36', '36.03', '36.03.20', '36.03.20.2002'];

export const s = {
  string: () => primitive<string>('a string', (v) => typeof v === 'string', { type: 'string' }),
  uuid: () =>
    matching(
      '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
      'a UUID',
      '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e5f',
    ),
  isoDate: () => matching('^\\d{4}-\\d{2}-\\d{2}$', 'a date YYYY-MM-DD', '2024-03-01'),
  /** An instant as Date.toISOString writes it: UTC, milliseconds. */
  instant: () =>
    matching(
      '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$',
      'an instant YYYY-MM-DDThh:mm:ss.sssZ',
      '2025-07-01T08:30:00.000Z',
    ),
  matching,
  number: () =>
    primitive<number>('a finite number', (v) => typeof v === 'number' && Number.isFinite(v), { type: 'number' }),
  integer: () => primitive<number>('an integer', (v) => Number.isInteger(v), { type: 'integer' }),
  boolean: () => primitive<boolean>('a boolean', (v) => typeof v === 'boolean', { type: 'boolean' }),
  regionCode: (segments: 1 | 2 | 3 | 4) =>
    matching(
      `^\\d{2}(\\.\\d{2}){${Math.min(segments - 1, 2)}}${segments === 4 ? '\\.\\d{4}' : ''}$`,
      `a Kemendagri code with ${segments} segment(s)`,
      REGION_CODE_EXAMPLES[segments - 1],
    ),
  literal: <const T extends string | number>(...values: T[]) =>
    primitive<T>(
      `one of ${values.join(', ')}`,
      (v) => (typeof v === 'string' || typeof v === 'number') && (values as unknown[]).includes(v),
      values.every((value) => typeof value === 'string') ? { type: 'string', enum: values } : { enum: values },
    ),
  nullable: <T>(inner: Schema<T>): Schema<T | null> => ({
    check: (v, p) => (v === null ? [] : inner.check(v, p)),
    json: { anyOf: [inner.json, { type: 'null' }] },
  }),
  optional: <T>(inner: Schema<T>): OptionalSchema<T> => ({
    optional: true,
    check: (v, p) => (v === undefined ? [] : inner.check(v, p)),
    // Optional is a property of the key, not of the value: the object leaves it out of `required`.
    json: inner.json,
  }),
  array: <T>(inner: Schema<T>): Schema<T[]> => ({
    check: (v, p) =>
      Array.isArray(v) ? v.flatMap((item, i) => inner.check(item, `${p}[${i}]`)) : problem(p, 'an array', v),
    json: { type: 'array', items: inner.json },
  }),
  /** Keys beyond the shape are let through, by the check and the JSON Schema alike: a contract may grow. */
  object: <Shape extends Record<string, Schema<unknown>>>(shape: Shape): Schema<Flat<ObjectOf<Shape>>> => ({
    check: (v, p) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return problem(p, 'an object', v);
      const record = v as Record<string, unknown>;
      return Object.entries(shape).flatMap(([key, inner]) => inner.check(record[key], p ? `${p}.${key}` : key));
    },
    json: {
      type: 'object',
      properties: Object.fromEntries(Object.entries(shape).map(([key, inner]) => [key, inner.json])),
      required: Object.entries(shape)
        .filter(([, inner]) => !('optional' in inner))
        .map(([key]) => key),
    },
  }),
  /** The same schema, its JSON Schema telling integrators what the value means. */
  described: <S extends Schema<unknown>>(inner: S, description: string): S => ({
    ...inner,
    json: { ...inner.json, description },
  }),
};
