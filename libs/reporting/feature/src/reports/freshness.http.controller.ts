import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@registry/access';
import { EventStore } from '@registry/event-store';

/** How fresh the reports are: per projection and topic, the last offsets applied and when. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/reports')
export class FreshnessHttpController {
  constructor(private readonly store: EventStore) {}

  @Get('freshness')
  @Access('tpps', 'statistician', 'admin')
  @ApiOperation({ summary: 'Last event applied per projection and topic' })
  async freshness() {
    const { rows } = await this.store.pool.query(
      `SELECT consumer_name AS projection, topic, sum("offset" + 1)::bigint AS "eventsApplied", max(updated_at) AS "lastAppliedAt"
         FROM es_consumer_offsets GROUP BY consumer_name, topic ORDER BY consumer_name, topic`,
    );
    return { projections: rows };
  }
}
