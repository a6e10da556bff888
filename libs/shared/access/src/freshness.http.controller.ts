import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Access } from './access.decorators';
import { FreshnessHandler } from './freshness.handler';

class StoreFreshnessView {
  @ApiProperty({ example: 'main_54c0b8.measurement.v1' })
  topic!: string;
  @ApiProperty({ description: 'Events committed to this service’s store and not yet acknowledged by Kafka' })
  unpublished!: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  lastRecordedAt!: Date | null;
}

class ProjectionFreshnessView {
  @ApiProperty({ example: 'known-children' })
  projection!: string;
  @ApiProperty({ description: 'Messages on its topics this projection has not handled yet; 0 is caught up' })
  behind!: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  lastAppliedAt!: Date | null;
  @ApiProperty({ description: 'Events that kept failing and were set aside (GET /v1/ops/dead-letters)' })
  deadLetters!: number;
}

export class FreshnessView {
  @ApiProperty({ example: 'intake' })
  service!: string;
  @ApiProperty({ type: Date, description: 'When these figures were read' })
  checkedAt!: Date;
  @ApiPropertyOptional({
    type: StoreFreshnessView,
    nullable: true,
    description: 'Null for a service that publishes no events (reporting keeps its own, unpublished)',
  })
  store!: StoreFreshnessView | null;
  @ApiProperty({ type: [ProjectionFreshnessView] })
  projections!: ProjectionFreshnessView[];
}

/**
 * How current this service is, for the people who read its figures (the dashboard's "Kualitas data"): whether its
 * own events reached Kafka, and whether each of its read models has handled what the other services published.
 */
@ApiTags('ops')
@ApiBearerAuth()
@Controller('v1/ops')
export class FreshnessHttpController {
  constructor(private readonly handler: FreshnessHandler) {}

  @Get('freshness')
  @Access('tpps', 'statistician', 'admin')
  @ApiOperation({ summary: 'Unpublished events of this service, and how far behind each of its projections is' })
  @ApiOkResponse({ type: FreshnessView })
  freshness(): Promise<FreshnessView> {
    return this.handler.freshness();
  }
}
