import { isUuid, uuidV7, uuidV7Time } from './uuid-v7';

describe('uuidV7', () => {
  it('encodes the millisecond timestamp in the first 48 bits with version 7 and the RFC variant', () => {
    const now = Date.UTC(2026, 10, 22, 8, 0, 0);
    const id = uuidV7(now);
    expect(isUuid(id)).toBe(true);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('sorts ids of later milliseconds after earlier ones', () => {
    const earlier = uuidV7(1_000_000);
    const later = uuidV7(1_000_001);
    expect(earlier < later).toBe(true);
  });

  it('draws distinct random bits across refills of its random pool', () => {
    // Given many ids of one millisecond: far more than one block of pooled randomness
    const ids = Array.from({ length: 5_000 }, () => uuidV7(1_000_000));
    // Then every one is a well-formed v7 id, and none repeats
    expect(ids.every(isUuid)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('encodes the whole 48-bit range of timestamps', () => {
    for (const now of [0, 1, 0xffffff, 0x1000000, 2 ** 48 - 1]) {
      expect(parseInt(uuidV7(now).replace(/-/g, '').slice(0, 12), 16)).toBe(now);
    }
  });

  it('reads back the millisecond a v7 id was made at, and none from an id of another version', () => {
    for (const now of [0, 1_733_450_000_123, 2 ** 48 - 1]) expect(uuidV7Time(uuidV7(now))).toBe(now);
    expect(uuidV7Time('3f1c6a1e-2b7d-4c55-9a0e-0d4f5e6a7b8c')).toBeNull();
    expect(uuidV7Time('not-a-uuid')).toBeNull();
  });
});
