/**
 * Deterministic bad input for the write endpoints: from one valid example body per endpoint, a seeded generator
 * derives requests that every service must refuse with a 4xx naming what was wrong. Pure code: the same seed and
 * count give the same cases, so a failure found by `npm run test:fuzz` is replayed with its seed.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Who calls: the fuzz regency's own officer, or a caller that must be refused whatever the body says. */
export type Caller =
  | 'own'
  | 'foreign-tpps'
  | 'sponsor'
  | 'none'
  | 'expired'
  | 'forged'
  | 'unsigned'
  | 'garbage-bearer'
  | 'garbage-api-key';

export type ServiceName = 'identity' | 'intake' | 'interventions' | 'sponsorship' | 'reporting';

export interface Endpoint {
  readonly name: string;
  readonly service: ServiceName;
  readonly method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `{name}` segments are filled from the fixtures by the spec (a child id, a measurement id…). */
  readonly path: string;
  /** A body the endpoint accepts; absent for endpoints that take none (only callers and path ids are fuzzed). */
  readonly example?: JsonObject;
  /** Dotted paths of the fields without which the body is refused. */
  readonly required?: readonly string[];
  /** Fields with a fixed set of values. */
  readonly enums?: readonly string[];
  /** Date fields for which a far-future date is refused (planned dates may lie ahead). */
  readonly pastDates?: readonly string[];
  /** Fields whose value places the request in a regency: another regency's code must be refused. */
  readonly scoped?: Readonly<Record<string, string>>;
  /** Batch endpoints: the item fields are fuzzed inside items[0]; the answer is per item. */
  readonly batch?: { readonly maxItems: number };
  /** Path segments that are ids: fuzzed with malformed, unknown and injection-laden values. */
  readonly pathIds?: readonly string[];
  /** Headers every call needs (If-Match). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Callers that are refused (401/403/404) on this endpoint; `own` never is. */
  readonly refusedCallers?: readonly Caller[];
}

export type Body =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly text: string }
  /** A body sent with a Content-Type other than JSON. */
  | { readonly kind: 'raw'; readonly text: string; readonly contentType: string }
  /** A JSON body of this many bytes (built by the spec: too large to keep in every case). */
  | { readonly kind: 'oversized'; readonly bytes: number };

export interface FuzzCase {
  readonly id: number;
  readonly endpoint: Endpoint;
  /** What was done, e.g. `wrong-type mother.name=42`: printed with every failure. */
  readonly label: string;
  readonly caller: Caller;
  /** Path parameter overrides (raw, URL-encoded by the spec). */
  readonly pathOverrides: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Body;
  /** Lower-cased words one of which the refusal must contain: the field, or the reason. */
  readonly mentions: readonly string[];
  /** Batch item mutations are answered 200 with each item rejected; everything else is a 4xx. */
  readonly expect: 'refused' | 'items-rejected';
}

/** mulberry32: small, fast and the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)];

/** Raw JSON number tokens that JSON.stringify cannot write (1e400 parses as Infinity, -0 as negative zero). */
const RAW = (token: string): string => `@@raw(${token})@@`;
const renderJson = (value: Json): string => JSON.stringify(value).replace(/"@@raw\((.*?)\)@@"/g, '$1');

export const OVERSIZED_BYTES = 8 * 1024 * 1024 + 64 * 1024;

export const INJECTIONS = [
  "'; DROP TABLE es_events; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(10)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '$where: function() { return true }',
  '%00%27%22',
  "admin'--",
] as const;

/** NoSQL-style operators sent where a scalar belongs. */
const OPERATOR_OBJECTS: readonly Json[] = [{ $gt: '' }, { $ne: null }, { $where: 'sleep(1000)' }];

export const CONTROL_CHARACTERS = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f'] as const;

const BAD_DATES = [
  '2024-02-30',
  '2023-02-29',
  '2025-04-31',
  '2024-13-01',
  '2024-00-10',
  '2024-06-00',
  '2024-1-5',
  '24-01-05',
  '2024-01-05T00:00:00Z',
  '05/01/2024',
  '2024/01/05',
  '',
  ' ',
  'yesterday',
] as const;
const FUTURE_DATES = ['9999-12-31', '2999-01-01'] as const;

const NAN_LIKE = ['NaN', 'Infinity', '-Infinity', '1e3', '0x10', ' 12 ', '12abc', '', '١٢'] as const;
const OUT_OF_RANGE: readonly Json[] = [-1, -0.5, 1e308, -1e308, 123456789012345, RAW('1e400'), RAW('-1e400')];

const BAD_ENUMS = ['UNKNOWN', 'Male', 'female ', '', 'null', 'delivered; DROP TABLE', '0'] as const;

const EXTRA_FIELDS: ReadonlyArray<readonly [string, Json]> = [
  ['isAdmin', true],
  ['regency_code', '36.03'],
  ['id', '00000000-0000-0000-0000-000000000001'],
  ['version', 99],
  ['$where', '1 == 1'],
  ['unexpected', { nested: [1, 2, 3] }],
];

const MALFORMED_JSON = [
  (text: string) => text.slice(0, Math.max(1, Math.floor(text.length / 2))),
  (text: string) => text.replace(/}$/, ',}'),
  (text: string) => text.replace(/"/g, "'"),
  (text: string) => text.replace(/"(\w+)":/, '$1:'),
  (text: string) => `${text}}`,
  (text: string) => `${text} trailing`,
  (text: string) => `/* comment */ ${text}`,
  (text: string) => text.replace(/:\s*("[^"]*"|[\d.]+|true|false|null)/, ': NaN'),
  (text: string) => text.replace(/:\s*("[^"]*"|[\d.]+|true|false|null)/, ': undefined'),
  () => 'null',
  () => '"just a string"',
  () => '42',
  () => 'true',
  () => '{',
  () => '\u0000',
] as const;

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/html',
] as const;

const BAD_IDS = [
  'not-a-uuid',
  '12345',
  '00000000-0000-0000-0000-00000000000g',
  '0000000000000000000000000000000000000000000000000',
  "' OR 1=1 --",
  '<script>',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(2000),
] as const;

interface Leaf {
  readonly path: string;
  readonly value: Json;
}

/** Every field of the example, objects and arrays included, as dotted paths (array items by index). */
export function fieldsOf(value: Json, parent = ''): Leaf[] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, child]) => {
    const path = parent ? `${parent}.${key}` : key;
    return [{ path, value: child }, ...fieldsOf(child, path)];
  });
}

const clone = <T extends Json>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A copy of `root` with the value at `path` replaced (or removed when `value` is undefined). */
export function withField(root: JsonObject, path: string, value: Json | undefined): JsonObject {
  const copy = clone(root);
  const keys = path.split('.');
  let node: Json = copy;
  for (const key of keys.slice(0, -1)) node = (node as JsonObject)[key];
  const last = keys[keys.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete (node as JsonObject)[last];
  } else (node as JsonObject)[last] = value;
  return copy;
}

const isDate = (value: Json): boolean => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const leafName = (path: string): string =>
  path
    .split('.')
    .filter((key) => !/^\d+$/.test(key))
    .pop() ?? path;

/** A JSON object nested `depth` levels deep, as text: built without recursion. */
export const deeplyNested = (depth: number, open = '{"a":', close = '}'): string =>
  `${open.repeat(depth)}1${close.repeat(depth)}`;

type Mutation = (random: () => number) => Omit<FuzzCase, 'id' | 'endpoint'> | null;

/** The ways one endpoint's request can be wrong; each returns null when it does not apply to the endpoint. */
function mutationsOf(endpoint: Endpoint): Mutation[] {
  const batch = endpoint.batch !== undefined;
  const example = endpoint.example;
  // For a batch the fields are the first item's; the answer names them per item.
  const target: JsonObject | undefined = batch ? ((example?.['items'] as Json[])[0] as JsonObject) : example;
  const wrap = (item: JsonObject): JsonObject => (batch ? { items: [item] } : item);
  const expect = batch ? ('items-rejected' as const) : ('refused' as const);
  const fields = target ? fieldsOf(target) : [];
  const required = endpoint.required ?? [];
  const enums = endpoint.enums ?? [];
  const strings = fields.filter(
    (field) => typeof field.value === 'string' && !enums.includes(field.path) && !isDate(field.value),
  );
  const numbers = fields.filter((field) => typeof field.value === 'number');
  const dates = fields.filter((field) => isDate(field.value));
  const base = { caller: 'own' as const, pathOverrides: {}, headers: endpoint.headers ?? {} };
  const json = (body: JsonObject | Json) => ({ kind: 'json' as const, text: renderJson(body) });
  const fieldCase = (path: string, value: Json | undefined, label: string) => ({
    ...base,
    label: `${label} ${path}${value === undefined ? '' : `=${renderJson(value).slice(0, 60)}`}`,
    body: json(wrap(withField(target!, path, value))),
    mentions: [leafName(path).toLowerCase()],
    expect,
  });
  const bodyCase = (label: string, body: Body, mentions: string[]) => ({
    ...base,
    label,
    body,
    mentions,
    expect: 'refused' as const,
  });

  const mutations: Mutation[] = [
    // Callers that must be refused whatever the body: no token, a forged or expired one, the wrong role or regency.
    (random) => {
      const caller = pick(random, endpoint.refusedCallers ?? []);
      if (caller === undefined) return null;
      return {
        ...base,
        caller,
        label: `caller ${caller}`,
        body: example ? json(example) : { kind: 'none' },
        // Another regency's officer may be told that the child named in the body is not in its area.
        mentions: [
          'token',
          'api key',
          'credential',
          'role',
          'not found',
          'scope',
          'regency',
          'authoriz',
          'expired',
          'your area',
        ],
        expect: 'refused',
      };
    },
    (random) => {
      const id = pick(random, endpoint.pathIds ?? []);
      if (id === undefined) return null;
      const value = pick(random, [...BAD_IDS, ...INJECTIONS]);
      return {
        ...base,
        label: `path ${id}=${value.slice(0, 40)}`,
        pathOverrides: { [id]: value },
        body: example ? json(example) : { kind: 'none' },
        // Path parameters are named `id` in the routes: the refusal says which record the id should name.
        mentions: [id.toLowerCase(), 'id must be', 'not found'],
        expect: 'refused',
      };
    },
  ];
  if (!target) return mutations;

  mutations.push(
    (random) => {
      const path = pick(random, required);
      return path === undefined ? null : fieldCase(path, undefined, 'missing');
    },
    (random) => {
      const path = pick(random, required);
      return path === undefined ? null : fieldCase(path, null, 'null');
    },
    (random) => {
      const field = pick(random, fields);
      if (field === undefined) return null;
      const replacements: Json[] =
        typeof field.value === 'string'
          ? [12345, true, [], {}, [field.value], ...OPERATOR_OBJECTS]
          : typeof field.value === 'number'
            ? [String(field.value), true, [], {}, [field.value]]
            : typeof field.value === 'boolean'
              ? ['true', 1, 0, 'yes', []]
              : Array.isArray(field.value)
                ? [{}, 'x', 1, { 0: field.value[0] ?? null }]
                : ['x', 1, true, [], [field.value]];
      return fieldCase(field.path, pick(random, replacements), 'wrong-type');
    },
    (random) => {
      const field = pick(random, strings);
      if (field === undefined) return null;
      return fieldCase(field.path, 'x'.repeat(pick(random, [1_001, 20_000, 300_000])), 'huge-string');
    },
    (random) => {
      const field = pick(random, numbers);
      if (field === undefined) return null;
      return fieldCase(field.path, pick(random, OUT_OF_RANGE), 'out-of-range');
    },
    (random) => {
      const field = pick(random, numbers);
      if (field === undefined) return null;
      return fieldCase(field.path, pick(random, NAN_LIKE), 'nan-like');
    },
    (random) => {
      const field = pick(random, dates);
      if (field === undefined) return null;
      const future = (endpoint.pastDates ?? []).includes(field.path) ? FUTURE_DATES : [];
      return fieldCase(field.path, pick(random, [...BAD_DATES, ...future]), 'bad-date');
    },
    (random) => {
      const path = pick(random, enums);
      return path === undefined ? null : fieldCase(path, pick(random, BAD_ENUMS), 'unknown-enum');
    },
    (random) => {
      const objects = ['', ...fields.filter((field) => isPlainObject(field.value)).map((field) => field.path)];
      const at = pick(random, objects);
      const [key, value] = pick(random, EXTRA_FIELDS);
      const path = at ? `${at}.${key}` : key;
      return fieldCase(path, value, 'extra-field');
    },
    (random) => {
      // An injection string in a field with a format (a code, an id, a date, an enum) must fail that format.
      const formatted = fields.filter(
        (field) =>
          typeof field.value === 'string' &&
          (enums.includes(field.path) || isDate(field.value) || /^[\d.]+$|^[0-9a-f-]{36}$/i.test(field.value)),
      );
      const field = pick(random, formatted);
      return field === undefined ? null : fieldCase(field.path, pick(random, INJECTIONS), 'injection');
    },
    (random) => {
      const field = pick(random, strings);
      if (field === undefined) return null;
      const text = String(field.value);
      const char = pick(random, CONTROL_CHARACTERS);
      return fieldCase(field.path, `${text.slice(0, 1)}${char}${text.slice(1)}`, 'control-char');
    },
    (random) => {
      const field = pick(random, fields);
      if (field === undefined) return null;
      const depth = pick(random, [64, 2_000, 50_000]);
      const shape = pick(random, [
        ['{"a":', '}'],
        ['[', ']'],
      ] as const);
      const marker = '@@deep@@';
      const text = renderJson(wrap(withField(target, field.path, marker))).replace(
        `"${marker}"`,
        deeplyNested(depth, shape[0], shape[1]),
      );
      return {
        ...base,
        label: `deep-nesting ${field.path} depth ${depth}`,
        body: { kind: 'json', text },
        mentions: [leafName(field.path).toLowerCase(), 'deep', 'nest'],
        expect: depth > 1_000 ? 'refused' : expect,
      };
    },
    (random) => {
      const objects = fields.filter((field) => isPlainObject(field.value));
      const field = pick(random, objects);
      return field === undefined ? null : fieldCase(field.path, [field.value], 'array-for-object');
    },
    () =>
      batch
        ? bodyCase('array-for-object body', json([target]), ['items', 'object'])
        : bodyCase('array-for-object body', json([example!]), ['object', 'body']),
    (random) => {
      const text = pick(random, MALFORMED_JSON)(renderJson(example!));
      return bodyCase(`malformed-json ${JSON.stringify(text.slice(0, 40))}`, { kind: 'json', text }, ['json', 'body']);
    },
    (random) => {
      const contentType = pick(random, WRONG_CONTENT_TYPES);
      return bodyCase(`content-type ${contentType}`, { kind: 'raw', text: renderJson(example!), contentType }, [
        'content-type',
        'json',
      ]);
    },
  );
  if (endpoint.scoped) {
    const scoped = Object.entries(endpoint.scoped);
    mutations.push((random) => {
      const [path, foreignValue] = pick(random, scoped);
      return {
        ...fieldCase(path, foreignValue, 'foreign-scope'),
        mentions: [leafName(path).toLowerCase(), 'regency', 'scope', 'not found'],
      };
    });
  }
  if (endpoint.batch) {
    const { maxItems } = endpoint.batch;
    mutations.push(
      () =>
        bodyCase(
          `batch over limit (${maxItems + 1} items)`,
          json({ items: Array.from({ length: maxItems + 1 }, () => ({})) }),
          ['items'],
        ),
      () => bodyCase('batch empty', json({ items: [] }), ['items']),
      (random) =>
        bodyCase('batch items not an array', json({ items: pick(random, [target, 'x', 5, null]) }), ['items']),
      (random) => {
        const item = pick(random, [null, 'x', 5, [], [target]] as Json[]);
        return {
          ...bodyCase(`batch item ${renderJson(item).slice(0, 30)}`, json({ items: [item] }), ['item']),
          expect,
        };
      },
    );
  }
  return mutations;
}

const isPlainObject = (value: Json): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Cases that are rare and costly (a body over the limit): a few per run, spread over the endpoints with bodies. */
function oversizedCases(endpoints: readonly Endpoint[], count: number): Omit<FuzzCase, 'id'>[] {
  return endpoints
    .filter((endpoint) => endpoint.example !== undefined)
    .slice(0, count)
    .map((endpoint) => ({
      endpoint,
      caller: 'own',
      label: `oversized body ${OVERSIZED_BYTES} bytes`,
      pathOverrides: {},
      headers: endpoint.headers ?? {},
      body: { kind: 'oversized', bytes: OVERSIZED_BYTES },
      mentions: ['large', 'limit', 'mb', 'size'],
      expect: 'refused',
    }));
}

/**
 * `count` cases over the endpoints, the same for the same seed: endpoints in turn, each with a mutation drawn at
 * random among those that apply to it. A couple of oversized bodies lead, since one is enough to show the limit.
 */
export function generateCases(endpoints: readonly Endpoint[], seed: number, count: number): FuzzCase[] {
  const random = seededRandom(seed);
  const mutations = endpoints.map(mutationsOf);
  const cases: Omit<FuzzCase, 'id'>[] = oversizedCases(endpoints, Math.min(2, Math.ceil(count / 500)));
  let turn = 0;
  let misses = 0;
  while (cases.length < count && misses < 10_000) {
    const index = turn % endpoints.length;
    turn += 1;
    const generated = pick(random, mutations[index])(random);
    if (generated === null) {
      misses += 1;
      continue;
    }
    cases.push({ endpoint: endpoints[index], ...generated });
  }
  return cases.map((fuzzCase, id) => ({ id, ...fuzzCase }));
}
