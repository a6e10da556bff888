import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '../http/public.decorator';
import { Readiness } from './readiness';
import { RelayBacklogResponse } from './relay-backlog.response.dto';

const CHECK_TIMEOUT_MS = 2000;

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly parts: Readiness,
  ) {}

  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @HealthCheck()
  liveness() {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: PostgreSQL (schema migrated) and Kafka answer; 503 with the reason otherwise. ' +
      'Under-replicated partitions of the registry topics are reported in the Kafka detail, not fatal',
  })
  @HealthCheck()
  readiness() {
    return this.health.check([
      () =>
        this.indicators
          .check('postgresql')
          .attempt(() => this.parts.postgresql())
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('kafka')
          .attempt(() => this.parts.kafka())
          .withTimeout(CHECK_TIMEOUT_MS),
      () => this.indicators.check('events').attempt(() => this.parts.events()),
    ]);
  }

  @Get('relay')
  @ApiOperation({
    summary:
      'Events this service has stored and not yet published to Kafka (0 without a relay). Intake asks identity ' +
      'before it calls a child unknown: a registration or a move still in this backlog is on its way',
  })
  @ApiOkResponse({ type: RelayBacklogResponse })
  async relay(): Promise<{ backlog: number }> {
    return { backlog: await this.parts.relayBacklog() };
  }
}
