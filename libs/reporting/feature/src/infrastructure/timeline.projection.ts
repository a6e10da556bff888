import { Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@registry/contracts';
import type { Projection } from '@registry/event-store';
import type { PoolClient } from 'pg';

/** Every published event about a child, from every service, kept whole so its hash chain can be verified here. */
@Injectable()
export class TimelineProjection implements Projection {
  readonly name = 'reporting-timeline';
  readonly tables = ['reporting_timeline'];

  async apply(event: EventEnvelope, client: PoolClient): Promise<void> {
    const childId = (event.data as { childId?: unknown } | null)?.childId;
    if (typeof childId !== 'string') return;
    await client.query(
      `INSERT INTO reporting_timeline (event_id, child_id, topic, stream_id, stream_version, recorded_at, envelope)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
      [
        event.eventId,
        childId,
        topicOf(event.type),
        event.streamId,
        event.streamVersion,
        event.recordedAt,
        JSON.stringify(event),
      ],
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
