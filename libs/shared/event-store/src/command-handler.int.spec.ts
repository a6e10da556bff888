import { ContractViolationError, type EventEnvelope, type TargetEventData } from '@registry/contracts';
import type { ScratchDatabase } from '@registry/testing';
import { createTestDatabase } from '../test-support/infra';
import { appendDecided, EventStore, ExpectedVersionConflictError, handleCommand, type StreamHandling } from './index';

// A decider as small as the command path needs: a region's target for a year, set when it changes.
type Target = TargetEventData<'target.set'>;
type TargetEvent = { readonly type: 'target.set'; readonly data: Target };
type State = Target | null;
const decide = (target: Target) => (state: State) =>
  state?.targetPopulation === target.targetPopulation ? [] : [{ type: 'target.set' as const, data: target }];
const target = (targetPopulation: number): Target => ({
  regionCode: '36.03',
  year: 2026,
  targetPopulation,
  targetPrevalencePct: 14,
});
const actor = { subject: 'tpps-36.03', role: 'tpps' } as const;

describe('the command path (PostgreSQL)', () => {
  let db: ScratchDatabase;
  let store: EventStore;
  const projected: EventEnvelope[] = [];
  const handling: StreamHandling<State, TargetEvent> = {
    evolve: (_state, event) => event.data,
    initialState: null,
    describe: (event) => ({ subjectId: event.data.regionCode, regencyCode: '36.03', actor }),
    project: async (session, envelopes) => {
      // The read model is written with the events: the same transaction sees them.
      const { rows } = await session.client.query('SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1', [
        'target-a',
      ]);
      expect(rows[0].n).toBeGreaterThanOrEqual(envelopes.length);
      projected.push(...envelopes);
    },
  };

  beforeAll(async () => {
    db = await createTestDatabase(5);
    store = new EventStore(db.pool);
  });
  afterAll(() => db.drop());

  it('decides on the folded stream, appends what it decided, projects it and answers the state after', async () => {
    const first = await store.withTransaction((s) => handleCommand(s, 'target-a', decide(target(100)), handling));
    const second = await store.withTransaction((s) => handleCommand(s, 'target-a', decide(target(120)), handling));

    expect(first).toMatchObject({ before: null, state: target(100), version: 1 });
    expect(second).toMatchObject({ before: target(100), state: target(120), version: 2 });
    expect(second.events[0]).toMatchObject({ type: 'target.set', subjectId: '36.03', regencyCode: '36.03', actor });
    expect(projected.map((e) => e.eventId)).toEqual([first.events[0].eventId, second.events[0].eventId]);
    expect(await store.readStream('target-a')).toEqual([...first.events, ...second.events]);
  });

  it('appends nothing, and projects nothing, when the decider decides nothing', async () => {
    const before = projected.length;
    const again = await store.withTransaction((s) => handleCommand(s, 'target-a', decide(target(120)), handling));

    expect(again).toMatchObject({ events: [], version: 2, state: target(120) });
    expect(projected).toHaveLength(before);
    expect(await store.readStream('target-a')).toHaveLength(2);
  });

  it('stores no event its published contract refuses', async () => {
    const broken = { ...target(1), targetPopulation: 'many' } as unknown as Target;

    await expect(
      store.withTransaction((s) => handleCommand(s, 'target-b', decide(broken), handling)),
    ).rejects.toBeInstanceOf(ContractViolationError);
    expect(await store.readStream('target-b')).toEqual([]);
  });

  it('refuses a command decided on a version another writer has moved past', async () => {
    await expect(
      store.withTransaction((s) => handleCommand(s, 'target-a', decide(target(130)), handling, { expectedVersion: 1 })),
    ).rejects.toBeInstanceOf(ExpectedVersionConflictError);
    expect(await store.readStream('target-a')).toHaveLength(2);
  });

  it('appends many streams in one call, answering each stream in the order given, none for an empty one', async () => {
    const streams = [
      { streamId: 'target-c', expectedVersion: 'no_stream' as const, events: decide(target(1))(null) },
      { streamId: 'target-d', expectedVersion: 'no_stream' as const, events: [] },
      { streamId: 'target-e', expectedVersion: 'no_stream' as const, events: decide(target(2))(null) },
    ];
    const appended = await store.withTransaction((s) =>
      appendDecided(s, streams, (_event, { streamId }) => ({ subjectId: streamId, regencyCode: '36.03', actor })),
    );

    expect(appended.map((events) => events.map((e) => e.subjectId))).toEqual([['target-c'], [], ['target-e']]);
    expect(await store.readStream('target-d')).toEqual([]);
  });
});
