import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    // Given two equal values built in different key orders
    const first = { b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } };
    const second = { a: { c: 'x', d: [3, { y: null, z: true }] }, b: 1 };

    // When both are serialised / Then the bytes are identical and sorted
    expect(canonicalJson(first)).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson(second)).toBe(canonicalJson(first));
  });

  it('follows JSON.stringify for undefined members, undefined array items and toJSON', () => {
    const value = { kept: 1, dropped: undefined, list: [undefined, 2], at: new Date(Date.UTC(2026, 0, 2)) };
    expect(canonicalJson(value)).toBe('{"at":"2026-01-02T00:00:00.000Z","kept":1,"list":[null,2]}');
  });

  it('round-trips through JSON.parse to the same text (what a jsonb read-back does)', () => {
    const value = { name: 'Siti "Nur" \\ Aisyah', heightCm: 87.5, tiny: 1e-7, huge: 1.5e300, unicode: 'é😀' };
    const text = canonicalJson(value);
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });

  it('keeps integer-like keys in text order, which a plain object cannot hold', () => {
    // Given keys that JavaScript objects put first, in numeric order
    const value = { b: { '10': 'ten', '2': 'two', a: 1 }, list: [{ '1': true, '01': false }] };

    // When serialised / Then they sort as text, like every other key
    expect(canonicalJson(value)).toBe('{"b":{"10":"ten","2":"two","a":1},"list":[{"01":false,"1":true}]}');
  });

  it('writes exactly what serialising key by key in sorted order writes, on random values', () => {
    // Given seeded random values of every JSON shape, keys in random order (integer-like ones too)
    const random = seeded(20261201);
    for (let round = 0; round < 2_000; round += 1) {
      const value = { root: randomValue(random, 4) };
      // When serialised / Then the bytes equal the reference's
      expect(canonicalJson(value)).toBe(reference(value));
    }
  });

  it('rejects a value without a JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});

/** The definition: sorted keys, members written one by one, JSON.stringify for everything else. */
function reference(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => reference(item) ?? 'null').join(',')}]`;
  const members = Object.keys(value)
    .sort()
    .flatMap((key) => {
      const member = reference((value as Record<string, unknown>)[key]);
      return member === undefined ? [] : [`${JSON.stringify(key)}:${member}`];
    });
  return `{${members.join(',')}}`;
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const KEYS = ['a', 'b', 'zScores', 'heightForAge', 'Z', 'é', '_', '0', '2', '10', '01', '-1', '1.5', ''];

function randomValue(random: () => number, depth: number): unknown {
  const pick = random();
  if (depth === 0 || pick < 0.35) {
    const scalars = [null, true, false, 0, -0, 87.5, -2.31, 1e-7, 1.5e300, 'x', 'Siti "Nur" \\', undefined];
    return scalars[Math.floor(random() * scalars.length)];
  }
  if (pick < 0.55) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth - 1));
  const record: Record<string, unknown> = {};
  for (let member = Math.floor(random() * 6); member > 0; member -= 1)
    record[KEYS[Math.floor(random() * KEYS.length)]] = randomValue(random, depth - 1);
  return record;
}
