import Ajv from 'ajv';
import { sampleOf, valuesNamedIn } from '../test-support/json-samples';
import { eventSchemas } from './event-registry';
import { eventEnvelopeSchema, eventMessageHeaders } from './event-message';
import { s, type Schema } from './schema';

/**
 * The JSON Schema each contract carries must take exactly what its check takes: for every event type, a sample the
 * check accepts, then that sample with each field (at any depth) missing, of another JSON kind, of another shape, or
 * beside an extra key, each judged alike by the check and by a JSON Schema validator.
 */
const ajv = new Ajv({ strict: true, allErrors: true });

/** Values of every JSON kind, numbers integral or not, strings of no particular shape. */
const KINDS: unknown[] = [undefined, null, true, 0, 42, -1.5, '', 'text', [], ['text'], {}, { key: 'text' }];

type Path = readonly (string | number)[];

/** Every path into the value: each key of each object, the first item of each array. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.length > 0 ? [[...path, 0], ...pathsOf(value[0], [...path, 0])] : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [[...path, key], ...pathsOf(inner, [...path, key])]);
}

/** A copy of the value with `replacement` at `path`; undefined removes the key. */
function replaced(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? replaced(item, rest, replacement) : item));
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const inner = replaced(copy[head], rest, replacement);
  if (inner === undefined) delete copy[head];
  else copy[head] = inner;
  return copy;
}

interface Verdicts {
  readonly disagreements: string[];
  readonly accepted: number;
  readonly refused: number;
}

function judge(schema: Schema<unknown>): Verdicts {
  const validate = ajv.compile(schema.json);
  const sample = sampleOf(schema.json);
  const probes = [...KINDS, ...valuesNamedIn(schema.json)];
  const candidates: Array<readonly [string, unknown]> = [['the sample', sample]];
  for (const path of [[], ...pathsOf(sample)]) {
    const at = path.join('.') || '(root)';
    for (const probe of probes) {
      if (probe === undefined && typeof path.at(-1) !== 'string') continue; // only a key can be missing
      candidates.push([`${at} = ${JSON.stringify(probe) ?? 'missing'}`, replaced(sample, path, probe)]);
    }
    const current = path.reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], sample);
    if (typeof current === 'object' && current !== null && !Array.isArray(current))
      candidates.push([`${at} with an extra key`, replaced(sample, path, { ...current, unexpected: 'text' })]);
  }
  const disagreements: string[] = [];
  let accepted = 0;
  for (const [name, candidate] of candidates) {
    const byCheck = schema.check(candidate, '').length === 0;
    const byJsonSchema = validate(candidate);
    if (byCheck !== byJsonSchema)
      disagreements.push(
        `${name}: check ${byCheck ? 'accepts' : 'refuses'}, JSON Schema ${byJsonSchema ? 'accepts' : 'refuses'}`,
      );
    if (byCheck) accepted += 1;
  }
  return { disagreements, accepted, refused: candidates.length - accepted };
}

describe('JSON Schemas of the contracts', () => {
  it.each(Object.keys(eventSchemas))('%s: takes and refuses exactly what its check does', (type) => {
    const schema = eventSchemas[type];
    expect(schema.check(sampleOf(schema.json), '')).toEqual([]);
    const verdicts = judge(schema);
    expect(verdicts.disagreements).toEqual([]);
    expect(verdicts.accepted).toBeGreaterThan(1);
    expect(verdicts.refused).toBeGreaterThan(1);
  });

  it('the envelope of an event and its message headers: the same', () => {
    const type = 'measurement.recorded';
    for (const schema of [eventEnvelopeSchema(type, eventSchemas[type]), eventMessageHeaders(type)])
      expect(judge(schema).disagreements).toEqual([]);
  });

  it('refuses a missing required field and a field of the wrong type, lets an absent optional one through', () => {
    const validate = ajv.compile(eventSchemas['measurement.recorded'].json);
    const sample = sampleOf(eventSchemas['measurement.recorded'].json) as Record<string, unknown>;
    const { childId: _childId, ...withoutChild } = sample;
    const { weightGain: _weightGain, bgm: _bgm, ...beforeJudgements } = sample;
    expect(validate(sample)).toBe(true);
    expect(validate(withoutChild)).toBe(false);
    expect(validate({ ...sample, ageDays: 12.5 })).toBe(false);
    expect(validate({ ...sample, villageCode: '36.03' })).toBe(false);
    expect(validate(beforeJudgements)).toBe(true);
  });

  it('says what each field means where a contract describes it', () => {
    const described = s.described(s.optional(s.isoDate()), 'the day it happened');
    expect(described.json).toEqual({
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      examples: ['2024-03-01'],
      description: 'the day it happened',
    });
    expect(s.object({ on: described }).json.required).toEqual([]);
  });
});
