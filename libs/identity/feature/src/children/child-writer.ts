import { Inject, Injectable } from '@nestjs/common';
import { actorOf, assertCanWriteAt, assertInScope, OutOfScopeError, type Principal } from '@registry/access';
import { type EventEnvelope, CLOCK, type Clock, todayInIndonesia } from '@registry/contracts';
import { EventStore, type EventStoreSession } from '@registry/event-store';
import {
  decide,
  foldChild,
  type Child,
  type ChildCommand,
  initialChild,
  type ChildEvent,
  type Lookups,
  type RegisteredChild,
} from '@registry/identity-domain';
import { Regions } from '@registry/regions';
import type { ClientBase } from 'pg';
import { childStreamId, ChildProjection } from '../infrastructure/child.projection';
import { PersonalDataVault } from '../infrastructure/personal-data-vault';
import { toHttpError } from './child-errors';

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
    readonly projection: ChildProjection,
    readonly vault: PersonalDataVault,
    readonly regions: Regions,
    @Inject(CLOCK) readonly clock: Clock,
  ) {}

  async load(
    session: Pick<EventStoreSession, 'readStream'>,
    childId: string,
  ): Promise<{ state: Child; version: number }> {
    const events = await session.readStream(childStreamId(childId));
    return { state: foldChild(events.map(asChildEvent)), version: events.length };
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
  ): Promise<{ events: EventEnvelope[]; version: number }> {
    const { state, version } = await this.load(session, childId);
    try {
      const events = decide(command, state, { today: todayInIndonesia(this.clock()) });
      const result = await session.append(
        childStreamId(childId),
        events.map((event) => ({
          type: event.type,
          data: event.data,
          subjectId: childId,
          regencyCode: regencyOf(event, state),
          actor: actorOf(principal),
          correlationId: options.correlationId,
        })),
        { expectedVersion: options.expectedVersion ?? (version === 0 ? 'no_stream' : version) },
      );
      for (const envelope of result.events) await this.projection.apply(session.client, envelope);
      return { events: [...result.events], version: result.streamVersion };
    } catch (error) {
      throw toHttpError(error);
    }
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
      const requests = children.map(({ command }) => {
        const { childId } = command.data;
        return {
          streamId: childStreamId(childId),
          expectedVersion: 'no_stream' as const,
          events: decide(command, initialChild, context).map((event) => ({
            type: event.type,
            data: event.data,
            subjectId: childId,
            regencyCode: regencyOf(event, initialChild),
            actor: actorOf(principal),
            correlationId: options.correlationId,
          })),
        };
      });
      // One call, however large: the store locks every stream of it first (slices locking their own could deadlock).
      const envelopes = (await session.appendMany(requests)).flatMap((result) => result.events);
      const lookups = new Map(children.map((child) => [child.command.data.childId, child.lookups]));
      await this.projection.applyRegistrations(
        session.client,
        envelopes.map((envelope) => ({ envelope, lookups: lookups.get(envelope.subjectId) ?? null })),
      );
      return envelopes;
    } catch (error) {
      throw toHttpError(error);
    }
  }
}

export type RegisterChildCommand = Extract<ChildCommand, { type: 'RegisterChild' }>;

const asChildEvent = (envelope: EventEnvelope): ChildEvent =>
  ({ type: envelope.type, data: envelope.data }) as ChildEvent;

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
