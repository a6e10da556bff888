import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import type { ServiceConfig } from './config/service-config';
import { ServiceConfigModule } from './config/service-config.module';
import { DatabaseModule, type DatabaseOptions } from './database/database.module';
import { AsyncApiController } from './docs/asyncapi.controller';
import { HealthController } from './health/health.controller';
import { Readiness } from './health/readiness';
import { EventStoreErrorsFilter } from './http/event-store-errors.filter';
import { RetryLaterFilter } from './http/retry-later';
import { RuleViolationFilter } from './http/rule-violation.filter';
import { KafkaModule } from './kafka/kafka.module';
import { ShutdownNotice } from './lifecycle/shutdown-notice';
import { LoggingModule } from './logging/logging.module';
import { MetricsController } from './metrics/metrics.controller';
import { ServiceMetrics } from './metrics/service-metrics';

export interface ServiceOptions extends Omit<DatabaseOptions, 'service'> {
  /** Short name: identity, intake, interventions, sponsorship, reporting. */
  readonly name: string;
  readonly config?: new () => ServiceConfig;
}

/**
 * What every registry service shares: validated configuration, JSON logs with correlation ids, its own
 * database with migrations, the Kafka connection, /health and /ready, /metrics, and /asyncapi.json. Each app imports
 * this once.
 */
@Module({})
export class ServiceModule {
  static forService(options: ServiceOptions): DynamicModule {
    return {
      module: ServiceModule,
      imports: [
        ServiceConfigModule.forRoot(options.config),
        LoggingModule.forService(options.name),
        DatabaseModule.forService({
          service: options.name,
          entities: options.entities,
          migrations: options.migrations,
        }),
        KafkaModule.forService(options.name),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
      ],
      controllers: [HealthController, MetricsController, AsyncApiController],
      providers: [
        ServiceMetrics,
        Readiness,
        ShutdownNotice,
        { provide: APP_FILTER, useClass: EventStoreErrorsFilter },
        { provide: APP_FILTER, useClass: RuleViolationFilter },
        { provide: APP_FILTER, useClass: RetryLaterFilter },
      ],
      exports: [ServiceMetrics],
    };
  }
}
