import { Controller, Get } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { MikroORM } from '@mikro-orm/core';
import { SchemaBootstrap } from '../database/schema-bootstrap';
import { EventBackbone } from '../event-sourcing/event-sourcing.module';
import { KafkaConnection } from '../kafka/kafka-connection';
import { Public } from '../http/public.decorator';

const CHECK_TIMEOUT_MS = 2000;

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly orm: MikroORM,
    private readonly schema: SchemaBootstrap,
    private readonly kafka: KafkaConnection,
    private readonly moduleRef: ModuleRef,
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
          .attempt(async () => {
            const schema = this.schema.current;
            if (schema.status !== 'ready') throw new Error(schema.reason);
            const connection = await this.orm.checkConnection();
            if (!connection.ok) throw new Error(`PostgreSQL: ${connection.reason}`);
            return { database: this.orm.config.get('dbName') };
          })
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('kafka')
          .attempt(async () => this.kafka.ping())
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicators.check('events').attempt(() => {
          const backbone = this.moduleRef.get(EventBackbone, { strict: false });
          if (!backbone.isRunning) throw new Error('the relay and the projection consumers are starting');
          return { relay: backbone.relay !== null, consumers: backbone.consumers.length };
        }),
    ]);
  }

  @Get('relay')
  @ApiOperation({
    summary:
      'Events this service has stored and not yet published to Kafka (0 without a relay). Intake asks identity ' +
      'before it calls a child unknown: a registration or a move still in this backlog is on its way',
  })
  async relay(): Promise<{ backlog: number }> {
    const backbone = this.moduleRef.get(EventBackbone, { strict: false });
    return { backlog: backbone.relay ? await backbone.relay.lag() : 0 };
  }
}
