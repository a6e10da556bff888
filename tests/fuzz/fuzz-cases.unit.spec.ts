import { deeplyNested, fieldsOf, generateCases, seededRandom, withField, type Endpoint } from './fuzz-cases';
import { writeEndpoints, type FuzzFixtures } from './write-endpoints';

const fixtures: FuzzFixtures = {
  regencyCode: '36.72',
  villageCode: '36.72.01.1001',
  otherVillageCode: '36.72.01.1002',
  foreignRegencyCode: '36.73',
  foreignVillageCode: '36.73.01.1001',
  childId: '01a20000-0000-7000-8000-000000000001',
  otherChildId: '01a20000-0000-7000-8000-000000000002',
  childVersion: 1,
  measurementId: '01a20000-0000-7000-8000-000000000003',
  interventionId: '01a20000-0000-7000-8000-000000000004',
  sponsorId: '01a20000-0000-7000-8000-000000000005',
  sponsorshipId: '01a20000-0000-7000-8000-000000000006',
  apiKeyId: 'key-1',
  puskesmasCode: 'PKM-FUZZ',
  birthDate: '2024-10-01',
  recently: '2025-11-19',
  nextWeek: '2025-11-29',
  sponsorshipStart: '2025-10-01',
};
const endpoints = writeEndpoints(fixtures);

describe('fuzz cases', () => {
  it('are the same for the same seed, and differ for another', () => {
    const labels = (seed: number) => generateCases(endpoints, seed, 300).map((c) => `${c.endpoint.name} ${c.label}`);
    expect(labels(7)).toEqual(labels(7));
    expect(labels(8)).not.toEqual(labels(7));
  });

  it('give as many cases as asked, over every write endpoint', () => {
    const cases = generateCases(endpoints, 1, 500);
    expect(cases).toHaveLength(500);
    expect(new Set(cases.map((c) => c.endpoint.name))).toEqual(new Set(endpoints.map((e) => e.name)));
    expect(cases.map((c) => c.id)).toEqual(cases.map((_c, index) => index));
  });

  it('cover every kind of bad input in a long run', () => {
    const kinds = new Set(generateCases(endpoints, 2, 3000).map((c) => c.label.split(' ')[0]));
    for (const kind of [
      'caller',
      'path',
      'missing',
      'null',
      'wrong-type',
      'huge-string',
      'out-of-range',
      'nan-like',
      'bad-date',
      'unknown-enum',
      'extra-field',
      'injection',
      'control-char',
      'deep-nesting',
      'array-for-object',
      'malformed-json',
      'content-type',
      'foreign-scope',
      'batch',
      'oversized',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('never send the valid example as it is with the own caller', () => {
    const cases = generateCases(endpoints, 3, 2000);
    const unchanged = cases.filter(
      (c) =>
        c.caller === 'own' &&
        Object.keys(c.pathOverrides).length === 0 &&
        c.body.kind === 'json' &&
        c.body.text === JSON.stringify(c.endpoint.example),
    );
    expect(unchanged).toEqual([]);
  });

  it('say which field a field mutation names', () => {
    const register = endpoints.find((e) => e.name === 'register child')!;
    const missing = generateCases([register], 4, 400).filter((c) => c.label.startsWith('missing'));
    expect(missing.length).toBeGreaterThan(0);
    for (const c of missing) {
      const path = c.label.split(' ')[1];
      const body = JSON.parse((c.body as { text: string }).text);
      expect(fieldsOf(body).some((field) => field.path === path)).toBe(false);
      expect(c.mentions).toEqual([path.split('.').pop()!.toLowerCase()]);
    }
  });

  it('mutate batch items inside items[0] and expect them rejected one by one', () => {
    const batch = endpoints.find((e) => e.name === 'register children batch')!;
    const wrongType = generateCases([batch], 5, 400).filter((c) => c.label.startsWith('wrong-type'));
    expect(wrongType.length).toBeGreaterThan(0);
    for (const c of wrongType) {
      expect(c.expect).toBe('items-rejected');
      expect(Object.keys(JSON.parse((c.body as { text: string }).text))).toEqual(['items']);
    }
  });

  it('write numbers JSON.stringify cannot, such as 1e400', () => {
    const endpoint: Endpoint = {
      name: 'n',
      service: 'reporting',
      method: 'PUT',
      path: '/n',
      example: { n: 1 },
    };
    const texts = generateCases([endpoint], 6, 400)
      .filter((c) => c.label.startsWith('out-of-range'))
      .map((c) => (c.body as { text: string }).text);
    expect(texts).toContain('{"n":1e400}');
  });
});

describe('fuzz helpers', () => {
  it('withField replaces or removes a nested value without touching the original', () => {
    const original = { a: { b: 1, c: [1, 2] } };
    expect(withField(original, 'a.b', 'x')).toEqual({ a: { b: 'x', c: [1, 2] } });
    expect(withField(original, 'a.c.0', undefined)).toEqual({ a: { b: 1, c: [2] } });
    expect(original).toEqual({ a: { b: 1, c: [1, 2] } });
  });

  it('deeplyNested builds a valid JSON text of the given depth without recursion', () => {
    expect(JSON.parse(deeplyNested(2))).toEqual({ a: { a: 1 } });
    expect(deeplyNested(100_000, '[', ']')).toHaveLength(200_001);
  });

  it('seededRandom is uniform enough and repeatable', () => {
    const draws = Array.from({ length: 10_000 }, seededRandom(42));
    expect(Array.from({ length: 5 }, seededRandom(42))).toEqual(draws.slice(0, 5));
    const mean = draws.reduce((sum, value) => sum + value, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });
});
