import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@registry/contracts';
import { copyRows, type CopyValue, type Projection } from '@registry/event-store';
import type { PoolClient } from 'pg';

/** Every published event about a child, from every service, kept whole so its hash chain can be verified here. */
@Injectable()
export class TimelineProjection implements Projection {
  readonly name = 'reporting-timeline';
  readonly tables = ['reporting_timeline'];
  // Every event is a row of its own, written by its key: the lookups by child and stream serve readers only.
  readonly indexesDeferredOnRebuild = ['reporting_timeline_child_idx', 'reporting_timeline_stream_idx'];

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    await this.applyBatch([event], client);
  }

  /** The live consumer's path: events are independent rows here, a chunk is one statement. */
  async applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const rows = timelineRows(events);
    if (rows.length === 0) return;
    await client.query(
      `INSERT INTO reporting_timeline (${TIMELINE_COLUMNS.join(', ')})
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::timestamptz[], $7::text[])
       ON CONFLICT (event_id) DO NOTHING`,
      TIMELINE_COLUMNS.map((_, i) => rows.map((row) => row[i])),
    );
  }

  /** The rebuild's path: the table starts empty and every event comes once from the stores, so COPY. */
  async applyRebuildBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const rows = timelineRows(events);
    if (rows.length > 0) await copyRows(client, 'reporting_timeline', TIMELINE_COLUMNS, rows);
  }
}

const TIMELINE_COLUMNS = ['event_id', 'child_id', 'topic', 'stream_id', 'stream_version', 'recorded_at', 'envelope'];

/** One row per event about a child, in TIMELINE_COLUMNS' order. */
const timelineRows = (events: readonly EventEnvelope[]): CopyValue[][] =>
  events.flatMap((event) => {
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

/** Which service an event came from, by its type's prefix. */
export const topicOf = (type: string): string => {
  const prefix = type.split('.')[0];
  if (prefix === 'child') return 'identity';
  if (prefix === 'measurement') return 'intake';
  if (prefix === 'case' || prefix === 'intervention') return 'interventions';
  return 'sponsorship';
};
