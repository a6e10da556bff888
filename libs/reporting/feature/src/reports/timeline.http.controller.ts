import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, canSee, CurrentPrincipal, OutOfScopeError, type Principal } from '@registry/access';
import type { EventEnvelope } from '@registry/contracts';
import { EventStore, verifyChain } from '@registry/event-store';
import { TIMELINE_ENVELOPE_COLUMNS, timelineEnvelope, type TimelineRow } from '../infrastructure/timeline.projection';

/**
 * A child's whole history across the services, in the order the registry learned it, with the verification of
 * each stream's hash chain. A TPPS sees the events recorded while the child lived in its regency.
 */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/children')
export class TimelineHttpController {
  constructor(private readonly store: EventStore) {}

  @Get(':id/timeline')
  @Access('tpps', 'admin')
  @ApiOperation({
    summary: "The child's auditable history: every event of every service, and whether each stream's chain holds",
  })
  async timeline(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) childId: string) {
    const { rows: stored } = await this.store.pool.query<TimelineRow & { topic: string }>(
      `SELECT topic, ${TIMELINE_ENVELOPE_COLUMNS} FROM reporting_timeline WHERE child_id = $1
        ORDER BY recorded_at, topic, stream_id, stream_version`,
      [childId],
    );
    const rows = stored.map((row) => ({ topic: row.topic, envelope: timelineEnvelope(row) }));
    const visible = rows.filter((row) => canSee(principal, row.envelope.regencyCode));
    if (visible.length === 0) throw new OutOfScopeError(`child ${childId}`);
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
