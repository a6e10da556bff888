import { Module } from '@nestjs/common';
import { AccessModule, ApiKeyMigration, ApiKeyProjection, PgApiKeyStore } from '@registry/access';
import { Topics } from '@registry/contracts';
import {
  ReportingChildrenProjection,
  ReportingMeasurementsProjection,
  ReportingModule,
  ReportingSchemaMigration,
  TimelineProjection,
} from '@registry/reporting-feature';
import { EventSourcingModule, EventStoreMigration, IdempotencyRecords, ServiceModule } from '@registry/platform';

@Module({
  imports: [
    ServiceModule.forService({
      name: 'reporting',
      entities: [],
      migrations: [EventStoreMigration, IdempotencyRecords.migration, ApiKeyMigration, ReportingSchemaMigration],
    }),
    EventSourcingModule.forService({
      service: 'reporting',
      projections: [
        { projection: ApiKeyProjection, topics: [Topics.identity] },
        { projection: ReportingChildrenProjection, topics: [Topics.identity] },
        { projection: ReportingMeasurementsProjection, topics: [Topics.intake] },
        {
          projection: TimelineProjection,
          topics: [Topics.identity, Topics.intake, Topics.interventions, Topics.sponsorship],
        },
      ],
    }),
    AccessModule.forRoot({ apiKeyStore: PgApiKeyStore }),
    ReportingModule,
  ],
})
export class AppModule {}
