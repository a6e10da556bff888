import type { EventEnvelope } from '@registry/contracts';
import { Upcasters } from './upcasters';

const envelope = (schemaVersion: number, data: unknown): EventEnvelope => ({
  eventId: '0190f0a0-1b2c-7d3e-8f40-000000000001',
  type: 'MeasurementRecorded',
  schemaVersion,
  streamId: 'child-1',
  streamVersion: 1,
  globalPosition: '1',
  subjectId: 'child-1',
  occurredAt: '2026-01-01T00:00:00.000Z',
  recordedAt: '2026-01-01T00:00:00.000Z',
  regencyCode: '3201',
  actor: { subject: 'u1', role: 'kader' },
  correlationId: 'c1',
  causationId: null,
  data,
  previousHash: null,
  hash: 'h',
});

describe('Upcasters', () => {
  const upcasters = new Upcasters()
    .register('MeasurementRecorded', 1, (data) => ({
      ...(data as object),
      heightMm: (data as { heightCm: number }).heightCm * 10,
    }))
    .register('MeasurementRecorded', 2, (data) => ({ ...(data as object), method: 'length-board' }));

  it('chains steps from the stored version to the newest one', () => {
    // Given an event stored at v1 / When it is upcast / Then the projection sees v3 data
    const upcast = upcasters.upcast(envelope(1, { heightCm: 80 }));
    expect(upcast.schemaVersion).toBe(3);
    expect(upcast.data).toEqual({ heightCm: 80, heightMm: 800, method: 'length-board' });
    expect(upcast.hash).toBe('h');
  });

  it('leaves events of the current version and of unknown types untouched', () => {
    const current = envelope(3, { heightMm: 800 });
    expect(upcasters.upcast(current)).toBe(current);
    const other = { ...envelope(1, {}), type: 'ChildRegistered' };
    expect(upcasters.upcast(other)).toBe(other);
  });

  it('refuses two upcasters for the same step', () => {
    expect(() => upcasters.register('MeasurementRecorded', 1, (data) => data)).toThrow(/already registered/);
  });
});
