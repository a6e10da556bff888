import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@registry/contracts';
import { envelopesAsEventRows, PUBLISHED_ENVELOPE_SQL, type CopiedRows, type Projection } from '@registry/event-store';
import type { PoolClient } from 'pg';

/**
 * A timeline row per event about a child (one whose data names a childId), in SQL over a stored event `e`: the
 * service it came from by its type's prefix, and the envelope as the relay published it. The same SQL makes the
 * rows a rebuild copies from the sources and those the live path inserts, so the two keep the same bytes.
 */
const TIMELINE_ROWS: CopiedRows = {
  table: 'reporting_timeline',
  columns: ['event_id', 'child_id', 'topic', 'stream_id', 'stream_version', 'recorded_at', 'envelope'],
  select: `e.event_id, c.child_id::uuid,
           CASE split_part(e.type, '.', 1) WHEN 'child' THEN 'identity' WHEN 'measurement' THEN 'intake'
             WHEN 'case' THEN 'interventions' WHEN 'intervention' THEN 'interventions' ELSE 'sponsorship' END,
           e.stream_id, e.stream_version, e.recorded_at, ${PUBLISHED_ENVELOPE_SQL}`,
  join: `CROSS JOIN LATERAL (SELECT e.data->'childId' AS id) j
         CROSS JOIN LATERAL (SELECT j.id #>> '{}' AS child_id WHERE json_typeof(j.id) = 'string') c`,
};

/** Every published event about a child, from every service, kept whole so its hash chain can be verified here. */
@Injectable()
export class TimelineProjection implements Projection {
  readonly name = 'reporting-timeline';
  readonly tables = ['reporting_timeline'];
  // Every event is a row of its own, written by its key: the lookups by child and stream serve readers only.
  readonly indexesDeferredOnRebuild = ['reporting_timeline_child_idx', 'reporting_timeline_stream_idx'];
  // A rebuild has the sources compute the rows and streams them in, never decoding an envelope here.
  readonly copiedOnRebuild = TIMELINE_ROWS;

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    await this.applyBatch([event], client);
  }

  /** The live consumer's path: events are independent rows here, a chunk is one statement. */
  async applyBatch(events: readonly EventEnvelope[], client: PoolClient): Promise<void> {
    const { from, values } = envelopesAsEventRows(events);
    await client.query(
      `INSERT INTO ${TIMELINE_ROWS.table} (${TIMELINE_ROWS.columns.join(', ')})
       SELECT ${TIMELINE_ROWS.select} FROM ${from} ${TIMELINE_ROWS.join}
       ON CONFLICT (event_id) DO NOTHING`,
      values,
    );
  }
}
