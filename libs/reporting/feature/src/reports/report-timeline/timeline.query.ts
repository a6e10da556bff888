import type { EventEnvelope } from '@registry/contracts';
import type { Pool } from 'pg';
import {
  TIMELINE_ENVELOPE_COLUMNS,
  timelineEnvelope,
  type TimelineRow,
} from '../../infrastructure/timeline.projection';

/** Every event recorded about a child, with the topic it came from, in the order the registry learned them. */
export async function readTimeline(pool: Pool, childId: string): Promise<{ topic: string; envelope: EventEnvelope }[]> {
  const { rows } = await pool.query<TimelineRow & { topic: string }>(
    `SELECT topic, ${TIMELINE_ENVELOPE_COLUMNS} FROM reporting_timeline WHERE child_id = $1
      ORDER BY recorded_at, topic, stream_id, stream_version`,
    [childId],
  );
  return rows.map((row) => ({ topic: row.topic, envelope: timelineEnvelope(row) }));
}
