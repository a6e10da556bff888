import { Inject, Injectable } from '@nestjs/common';
import { canSeeSponsorship, OutOfScopeError, type Principal } from '@registry/access';
import { type Actor, type EventEnvelope, CLOCK, type Clock, todayInIndonesia } from '@registry/contracts';
import {
  aggregateStream,
  appendDecided,
  type EventDescription,
  EventStore,
  type EventStoreSession,
  type Evolver,
  handleCommand,
  type LoadedStream,
  versionExpected,
} from '@registry/event-store';
import {
  decide,
  evolve,
  noSponsorships,
  type ChildSponsorships,
  type SponsorshipCommand,
  type SponsorshipEvent,
} from '@registry/sponsorship-domain';
import type { ClientBase } from 'pg';
import { sponsorshipsStreamId, SponsorshipReadModel } from '../infrastructure/sponsorship.read-model';

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
    readonly readModel: SponsorshipReadModel,
    @Inject(CLOCK) readonly clock: Clock,
  ) {}

  today(): string {
    return todayInIndonesia(this.clock());
  }

  load(session: Pick<EventStoreSession, 'readStream'>, childId: string): Promise<LoadedStream<ChildSponsorships>> {
    return aggregateStream(session, sponsorshipsStreamId(childId), SPONSORSHIPS_STREAM);
  }

  /**
   * Decides the command on the child's sponsorships as they are now (a refusal is answered 404/409/422 by the
   * platform's filter). Answers the appended events and the sponsorships after them.
   */
  async execute(
    session: EventStoreSession,
    actor: Actor,
    childId: string,
    command: SponsorshipCommand,
    options: AppendOptions = {},
  ): Promise<{ events: readonly EventEnvelope[]; state: ChildSponsorships }> {
    return handleCommand(
      session,
      sponsorshipsStreamId(childId),
      (state) => decide(command, state, { today: this.today() }),
      {
        ...SPONSORSHIPS_STREAM,
        describe: describeFor(actor, childId, options),
        project: (s, envelopes) => this.project(s, envelopes),
      },
    );
  }

  /**
   * Appends a merge of two children's sponsorships, decided together on both streams as they were read, in one
   * call, and projects it.
   */
  async appendMerge(
    session: EventStoreSession,
    actor: Actor,
    records: ReadonlyArray<{ childId: string; version: number; events: readonly SponsorshipEvent[] }>,
    options: AppendOptions = {},
  ): Promise<void> {
    const appended = await appendDecided(
      session,
      records.map(({ childId, version, events }) => ({
        childId,
        streamId: sponsorshipsStreamId(childId),
        expectedVersion: versionExpected(version),
        events,
      })),
      (event, { childId }) => describeFor(actor, childId, options)(event),
    );
    await this.project(session, appended.flat());
  }

  private async project(session: EventStoreSession, envelopes: readonly EventEnvelope[]): Promise<void> {
    for (const envelope of envelopes) await this.readModel.apply(session.client, envelope);
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

const SPONSORSHIPS_STREAM: Evolver<ChildSponsorships, SponsorshipEvent> = { evolve, initialState: noSponsorships };

/** A sponsorship event's envelope: about the child, in the regency whose TPPS follows it after the event. */
const describeFor =
  (actor: Actor, childId: string, options: AppendOptions) =>
  (event: SponsorshipEvent): EventDescription => ({
    subjectId: childId,
    regencyCode: event.type === 'sponsorship.transferred' ? event.data.toRegencyCode : event.data.regencyCode,
    actor,
    correlationId: options.correlationId,
    causationId: options.causationId,
  });
