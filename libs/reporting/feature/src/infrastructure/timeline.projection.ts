import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import type { PoolClient } from 'pg';

/** Every published event about a child, from every service, kept whole so its hash chain can be verified here. */
@Injectable()
export class TimelineProjection implements Projection {
  readonly name = 'reporting-timeline';
  readonly tables = ['reporting_timeline'];
  // Every event is a row of its own, written by its key: the lookups by child and stream serve readers only.
  readonly indexesDeferredOnRebuild = ['reporting_timeline_child_idx', 'reporting_timeline_stream_idx'];

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    await this.applyRebuildBatch([event], client);
  }

  /** The live consumer's path: events are independent rows here, a chunk is one statement. */
  async applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    await this.applyRebuildBatch(events, client);
  }

  /** Events are independent rows here: a batch is one statement. */
  async applyRebuildBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const rows = events.flatMap((event) => {
      const childId = (event.data as { childId?: unknown } | null)?.childId;
      if (typeof childId !== 'string') return [];
      return [
        [
          event.eventId,
          childId,
          topicOf(event.type),
          event.streamId,
          event.streamVersion,
          event.recordedAt,
          JSON.stringify(event),
        ],
      ];
    });
    if (rows.length === 0) return;
    await client.query(
      `INSERT INTO reporting_timeline (event_id, child_id, topic, stream_id, stream_version, recorded_at, envelope)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::timestamptz[], $7::jsonb[])
       ON CONFLICT (event_id) DO NOTHING`,
      Array.from({ length: 7 }, (_, i) => rows.map((row) => row[i])),
    );
  }
}

/** Which service an event came from, by its type's prefix. */
export const topicOf = (type: string): string => {
  const prefix = type.split('.')[0];
  if (prefix === 'child') return 'identity';
  if (prefix === 'measurement') return 'intake';
  if (prefix === 'case' || prefix === 'intervention') return 'interventions';
  return 'sponsorship';
};
