import { Inject, Injectable } from '@nestjs/common';
import { actorOf, assertCanWriteAt, assertInScope, OutOfScopeError, type Principal } from '@registry/access';
import { type ChildEventData, type EventEnvelope, CLOCK, type Clock, todayInIndonesia } from '@registry/contracts';
import {
  aggregateStream,
  appendDecided,
  type EventDescription,
  EventStore,
  type EventStoreSession,
  handleCommand,
  type LoadedStream,
} from '@registry/event-store';
import {
  decide,
  evolve,
  type Child,
  type ChildCommand,
  initialChild,
  type ChildEvent,
  type Lookups,
  type RegisteredChild,
} from '@registry/identity-domain';
import { Regions } from '@registry/regions';
import type { ClientBase } from 'pg';
import { childStreamId, ChildReadModel } from '../infrastructure/child.read-model';
import { PersonalDataVault } from '../infrastructure/personal-data-vault';
import { staleVersionAsConflict } from './child-errors';

export interface LoadedChild {
  readonly state: RegisteredChild;
  readonly version: number;
}

/**
 * The write side of a child: load its stream, decide, append the events and project them, in one transaction.
 * Use-case handlers build the command; this is where every child event is written.
 */
@Injectable()
export class ChildWriter {
  constructor(
    readonly store: EventStore,
    readonly readModel: ChildReadModel,
    readonly vault: PersonalDataVault,
    readonly regions: Regions,
    @Inject(CLOCK) readonly clock: Clock,
  ) {}

  load(session: Pick<EventStoreSession, 'readStream'>, childId: string): Promise<LoadedStream<Child>> {
    return aggregateStream(session, childStreamId(childId), { evolve, initialState: initialChild });
  }

  /** The child if it exists and the caller may see it; 404 otherwise, whichever the reason. */
  async loadVisible(
    session: Pick<EventStoreSession, 'readStream'>,
    principal: Principal,
    childId: string,
  ): Promise<LoadedChild> {
    const { state, version } = await this.load(session, childId);
    if (state.status === 'unregistered') throw notFound(childId);
    assertInScope(principal, state.regencyCode, `child ${childId}`);
    return { state, version };
  }

  /** The active record holding this NIK (by its keyed hash), if any. */
  async existingChildWithNik(
    nikLookup: string,
    client?: ClientBase,
  ): Promise<{ childId: string; regencyCode: string } | null> {
    const { rows } = await (client ?? this.store.pool).query<{ child_id: string; regency_code: string }>(
      `SELECT child_id, regency_code FROM identity_children WHERE nik_lookup = $1 AND status <> 'merged'`,
      [nikLookup],
    );
    return rows[0] ? { childId: rows[0].child_id, regencyCode: rows[0].regency_code } : null;
  }

  /** The child if the caller may change it: 404 outside its regency, 403 outside a kader's desa. */
  async loadWritable(
    session: Pick<EventStoreSession, 'readStream'>,
    principal: Principal,
    childId: string,
  ): Promise<LoadedChild> {
    const loaded = await this.loadVisible(session, principal, childId);
    assertCanWriteAt(
      principal,
      { regencyCode: loaded.state.regencyCode, villageCode: loaded.state.villageCode },
      `child ${childId}`,
    );
    return loaded;
  }

  /** Decides the command on the child's current state and appends (expecting `expectedVersion` when given). */
  async execute(
    session: EventStoreSession,
    principal: Principal,
    childId: string,
    command: ChildCommand,
    options: { readonly expectedVersion?: number; readonly correlationId?: string } = {},
  ): Promise<{ events: readonly EventEnvelope[]; version: number }> {
    try {
      return await handleCommand(
        session,
        childStreamId(childId),
        (state) => decide(command, state, { today: todayInIndonesia(this.clock()) }),
        {
          evolve,
          initialState: initialChild,
          describe: describeFor(principal, childId, options.correlationId),
          project: async ({ client }, envelopes) => {
            for (const envelope of envelopes) await this.readModel.apply(client, envelope);
          },
        },
        { expectedVersion: options.expectedVersion },
      );
    } catch (error) {
      throw staleVersionAsConflict(error);
    }
  }

  /** A command on a child the caller may change, in a transaction of its own: the events and the version after. */
  changeWritable(principal: Principal, childId: string, command: ChildCommand, correlationId?: string) {
    return this.store.withTransaction(async (session) => {
      await this.loadWritable(session, principal, childId);
      return this.execute(session, principal, childId, command, { correlationId });
    });
  }

  /**
   * Records who opened or erased children's personal data: facts, not decisions, so each log takes them in any order
   * ('any' version), in the caller's transaction, after the same contract check as every event.
   */
  async recordAccess(
    session: EventStoreSession,
    principal: Principal,
    entries: ReadonlyArray<{ readonly regencyCode: string; readonly event: AccessLogEvent }>,
  ): Promise<void> {
    await appendDecided(
      session,
      entries.map(({ regencyCode, event }) => ({
        streamId: accessStreamId(event.data.childId),
        expectedVersion: 'any' as const,
        events: [event],
        regencyCode,
      })),
      (event, { regencyCode }) => ({ subjectId: event.data.childId, regencyCode, actor: actorOf(principal) }),
    );
  }

  /**
   * Registers many new children in the caller's transaction with a constant number of statements: decided one by
   * one on an empty history (their ids are fresh UUIDv7s; 'no_stream' guards that), appended in slices, projected in
   * one insert with the lookups computed from the data just sealed.
   */
  async registerNew(
    session: EventStoreSession,
    principal: Principal,
    children: ReadonlyArray<{ readonly command: RegisterChildCommand; readonly lookups: Lookups }>,
    options: { readonly correlationId?: string } = {},
  ): Promise<EventEnvelope[]> {
    const context = { today: todayInIndonesia(this.clock()) };
    try {
      // Fresh UUIDv7 ids: decided on an empty history, appended expecting no stream, without reading any.
      const appended = await appendDecided(
        session,
        children.map(({ command }) => ({
          streamId: childStreamId(command.data.childId),
          expectedVersion: 'no_stream' as const,
          events: decide(command, initialChild, context),
        })),
        (event) => describeFor(principal, event.data.childId, options.correlationId)(event, initialChild),
      );
      const envelopes = appended.flat();
      const lookups = new Map(children.map((child) => [child.command.data.childId, child.lookups]));
      await this.readModel.applyRegistrations(
        session.client,
        envelopes.map((envelope) => ({ envelope, lookups: lookups.get(envelope.subjectId) ?? null })),
      );
      return envelopes;
    } catch (error) {
      throw staleVersionAsConflict(error);
    }
  }
}

/** A child's access log: who opened or erased its personal data, one stream per child beside its own. */
export const accessStreamId = (childId: string): string => `access-${childId}`;

export type AccessLogEvent = {
  [T in 'child.personal-data-accessed' | 'child.personal-data-erased']: {
    readonly type: T;
    readonly data: ChildEventData<T>;
  };
}['child.personal-data-accessed' | 'child.personal-data-erased'];

export type RegisterChildCommand = Extract<ChildCommand, { type: 'RegisterChild' }>;

/** A child event's envelope: about the child, in the regency it lives in after the event, by the caller. */
const describeFor =
  (principal: Principal, childId: string, correlationId?: string) =>
  (event: ChildEvent, before: Child): EventDescription => ({
    subjectId: childId,
    regencyCode: regencyOf(event, before),
    actor: actorOf(principal),
    correlationId,
  });

/** The tenant of an event: where the child lives after it (a move belongs to the new regency). */
function regencyOf(event: ChildEvent, state: Child): string {
  switch (event.type) {
    case 'child.registered':
      return event.data.regencyCode;
    case 'child.relocated':
      return event.data.toRegencyCode;
    default:
      if (state.status === 'unregistered') throw new Error('event for an unregistered child');
      return state.regencyCode;
  }
}

/** The same 404 whether the child does not exist or belongs to another regency: ids cannot be probed. */
export const notFound = (childId: string): OutOfScopeError => new OutOfScopeError(`child ${childId}`);
