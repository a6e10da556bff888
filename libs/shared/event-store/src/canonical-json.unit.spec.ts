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

  it('rejects a value without a JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
  });
});
