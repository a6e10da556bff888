import { Inject, Injectable } from '@nestjs/common';
import { canSeeSponsorship, OutOfScopeError, type Principal } from '@registry/access';
import { type Actor, type EventEnvelope, CLOCK, type Clock, todayInIndonesia } from '@registry/contracts';
import { EventStore, type EventStoreSession } from '@registry/event-store';
import { httpErrorOf } from '@registry/platform';
import {
  decide,
  evolve,
  foldSponsorships,
  type ChildSponsorships,
  type SponsorshipCommand,
  type SponsorshipEvent,
} from '@registry/sponsorship-domain';
import type { ClientBase } from 'pg';
import { sponsorshipsStreamId, SponsorshipProjection } from '../infrastructure/sponsorship.projection';

/** The actor of events this service writes by itself, following another service's event (named as causation). */
export const SERVICE_ACTOR: Actor = { subject: 'sponsorship-service', role: 'service' };

export interface SponsorshipPlace {
  readonly sponsorshipId: string;
  readonly childId: string;
  readonly sponsorId: string;
  readonly regencyCode: string;
}

export interface AppendOptions {
  readonly correlationId?: string;
  readonly causationId?: string | null;
}

/**
 * The write side of sponsorships: load the child's sponsorship stream, decide, append and project, in the caller's
 * transaction. Use-case handlers and the policy following identity events build the commands; every sponsorship
 * event is written here.
 */
@Injectable()
export class SponsorshipWriter {
  constructor(
    readonly store: EventStore,
    readonly projection: SponsorshipProjection,
    @Inject(CLOCK) readonly clock: Clock,
  ) {}

  today(): string {
    return todayInIndonesia(this.clock());
  }

  async load(
    session: Pick<EventStoreSession, 'readStream'>,
    childId: string,
  ): Promise<{ state: ChildSponsorships; version: number }> {
    const events = await session.readStream(sponsorshipsStreamId(childId));
    return {
      state: foldSponsorships(events.map((e) => ({ type: e.type, data: e.data }) as SponsorshipEvent)),
      version: events.length,
    };
  }

  /**
   * Decides the command on the child's sponsorships as they are now; rule violations become 404/409/422.
   * Answers the appended events and the sponsorships after them.
   */
  async execute(
    session: EventStoreSession,
    actor: Actor,
    childId: string,
    command: SponsorshipCommand,
    options: AppendOptions = {},
  ): Promise<{ events: EventEnvelope[]; state: ChildSponsorships }> {
    const { state, version } = await this.load(session, childId);
    let events: SponsorshipEvent[];
    try {
      events = decide(command, state, { today: this.today() });
    } catch (error) {
      throw httpErrorOf(error);
    }
    return {
      events: await this.append(session, actor, childId, version, events, options),
      state: events.reduce(evolve, state),
    };
  }

  /** Appends decided events to the child's stream expecting `version`, and projects them. */
  async append(
    session: EventStoreSession,
    actor: Actor,
    childId: string,
    version: number,
    events: readonly SponsorshipEvent[],
    options: AppendOptions = {},
  ): Promise<EventEnvelope[]> {
    if (events.length === 0) return [];
    const result = await session.append(
      sponsorshipsStreamId(childId),
      events.map((event) => ({
        type: event.type,
        data: event.data,
        subjectId: childId,
        regencyCode: event.type === 'sponsorship.transferred' ? event.data.toRegencyCode : event.data.regencyCode,
        actor,
        correlationId: options.correlationId,
        causationId: options.causationId,
      })),
      { expectedVersion: version === 0 ? 'no_stream' : version },
    );
    for (const envelope of result.events) await this.projection.apply(session.client, envelope);
    return [...result.events];
  }

  /** The sponsorship's child, sponsor and regency if the caller may see it; 404 otherwise, whichever the reason. */
  async findVisible(client: Pick<ClientBase, 'query'>, principal: Principal, sponsorshipId: string) {
    const { rows } = await client.query<{ child_id: string; sponsor_id: string; regency_code: string }>(
      'SELECT child_id, sponsor_id, regency_code FROM sponsorship_sponsorships WHERE sponsorship_id = $1',
      [sponsorshipId],
    );
    const row = rows[0];
    const place: SponsorshipPlace | null = row
      ? { sponsorshipId, childId: row.child_id, sponsorId: row.sponsor_id, regencyCode: row.regency_code }
      : null;
    if (place === null || !canSeeSponsorship(principal, place)) {
      throw new OutOfScopeError(`sponsorship ${sponsorshipId}`);
    }
    return place;
  }
}
