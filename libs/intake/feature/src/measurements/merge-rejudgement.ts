import type { EventEnvelope } from '@registry/contracts';
import type { EventStore } from '@registry/event-store';
import type { KnownChild } from '@registry/intake-domain';
import type { ClientBase } from 'pg';
import { MeasurementProjection } from '../infrastructure/measurement.projection';
import { rejudgeHistories } from './weight-gains';

/** Who re-judges weighings when a merge or an unmerge changes which are a child's. */
export const MERGE_REJUDGEMENT_ACTOR = { subject: 'intake/merge-rejudgement', role: 'system' } as const;

/**
 * After a merge or an unmerge (identity's event `cause`), every weighing of the children (surviving records, locked
 * by the caller before its transaction wrote anything) judged again on the weighings that are now theirs: a weighing
 * of one record may now follow last month's of the other. Each judgement that changes is told in a new event,
 * appended and projected in the caller's transaction.
 */
export class MergeRejudgement {
  constructor(
    private readonly store: EventStore,
    private readonly projection = new MeasurementProjection(),
  ) {}

  async rejudge(
    client: ClientBase,
    children: readonly Pick<KnownChild, 'childId' | 'birthDate'>[],
    cause: Pick<EventEnvelope, 'eventId' | 'correlationId'>,
  ): Promise<void> {
    const streams = await rejudgeHistories(client, children);
    if (streams.length === 0) return;
    const results = await this.store.session(client).appendMany(
      streams.map(({ events, ...stream }) => ({
        ...stream,
        events: events.map((event) => ({
          type: event.type,
          data: event.data,
          subjectId: event.data.childId,
          regencyCode: event.data.regencyCode,
          actor: MERGE_REJUDGEMENT_ACTOR,
          correlationId: cause.correlationId,
          causationId: cause.eventId,
        })),
      })),
    );
    for (const envelope of results.flatMap((result) => result.events)) await this.projection.apply(client, envelope);
  }
}
