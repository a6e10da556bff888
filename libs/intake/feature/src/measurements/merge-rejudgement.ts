import type { EventEnvelope } from '@registry/contracts';
import { appendDecided, type EventStore } from '@registry/event-store';
import type { KnownChild } from '@registry/intake-domain';
import type { ClientBase } from 'pg';
import { MeasurementReadModel } from '../infrastructure/measurement.read-model';
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
    private readonly readModel = new MeasurementReadModel(),
  ) {}

  async rejudge(
    client: ClientBase,
    children: readonly Pick<KnownChild, 'childId' | 'birthDate'>[],
    cause: Pick<EventEnvelope, 'eventId' | 'correlationId'>,
  ): Promise<void> {
    const streams = await rejudgeHistories(client, children);
    if (streams.length === 0) return;
    const appended = await appendDecided(this.store.session(client), streams, (event) => ({
      subjectId: event.data.childId,
      regencyCode: event.data.regencyCode,
      actor: MERGE_REJUDGEMENT_ACTOR,
      correlationId: cause.correlationId,
      causationId: cause.eventId,
    }));
    for (const envelope of appended.flat()) await this.readModel.apply(client, envelope);
  }
}
