import { Injectable } from '@nestjs/common';
import { canSee, OutOfScopeError, type Principal } from '@registry/access';
import type { EventEnvelope } from '@registry/contracts';
import { EventStore, verifyChain } from '@registry/event-store';
import { readTimeline } from './timeline.query';

/**
 * A child's whole history across the services, in the order the registry learned it, with the verification of
 * each stream's hash chain. A TPPS sees the events recorded while the child lived in its regency.
 */
@Injectable()
export class ReportTimelineHandler {
  constructor(private readonly store: EventStore) {}

  async timeline(principal: Principal, childId: string) {
    const rows = await readTimeline(this.store.pool, childId);
    const visible = rows.filter((row) => canSee(principal, row.envelope.regencyCode));
    if (visible.length === 0) throw new OutOfScopeError(`child ${childId}`);
    // Each chain is verified whole, the events the caller may not see included.
    const streams = new Map<string, EventEnvelope[]>();
    for (const { envelope } of rows)
      streams.set(envelope.streamId, [...(streams.get(envelope.streamId) ?? []), envelope]);
    return {
      childId,
      events: visible.map(({ topic, envelope }) => ({
        eventId: envelope.eventId,
        type: envelope.type,
        source: topic,
        streamId: envelope.streamId,
        streamVersion: envelope.streamVersion,
        occurredAt: envelope.occurredAt,
        recordedAt: envelope.recordedAt,
        actor: envelope.actor,
        regencyCode: envelope.regencyCode,
        data: envelope.data,
      })),
      verification: [...streams].map(([streamId, events]) => {
        const sorted = [...events].sort((a, b) => a.streamVersion - b.streamVersion);
        return { streamId, events: sorted.length, ...verifyChain(sorted, sorted[sorted.length - 1].streamVersion) };
      }),
    };
  }
}
