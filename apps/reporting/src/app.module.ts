import { Module } from '@nestjs/common';
import { AccessModule, OpsModule, ApiKeyMigration, ApiKeyProjection, PgApiKeyStore } from '@registry/access';
import { Topics } from '@registry/contracts';
import {
  ReportingChildrenProjection,
  ReportingChildStatusProjection,
  ReportingConfig,
  ReportingMeasurementsProjection,
  ReportingModule,
  REPORTING_MIGRATIONS,
  ReportingSkdnProjection,
  ReportingSponsorshipsProjection,
  TimelineProjection,
} from '@registry/reporting-feature';
import { EventSourcingModule, EVENT_STORE_MIGRATIONS, IdempotencyRecords, ServiceModule } from '@registry/platform';

@Module({
  imports: [
    ServiceModule.forService({
      name: 'reporting',
      config: ReportingConfig,
      entities: [],
      migrations: [...EVENT_STORE_MIGRATIONS, IdempotencyRecords.migration, ApiKeyMigration, ...REPORTING_MIGRATIONS],
    }),
    EventSourcingModule.forService({
      service: 'reporting',
      projections: [
        { projection: ApiKeyProjection, topics: [Topics.identity] },
        { projection: ReportingChildrenProjection, topics: [Topics.identity] },
        { projection: ReportingMeasurementsProjection, topics: [Topics.intake] },
        { projection: ReportingSponsorshipsProjection, topics: [Topics.sponsorship] },
        { projection: ReportingChildStatusProjection, topics: [Topics.identity, Topics.intake] },
        { projection: ReportingSkdnProjection, topics: [Topics.identity, Topics.intake] },
        {
          projection: TimelineProjection,
          topics: [Topics.identity, Topics.intake, Topics.interventions, Topics.sponsorship],
        },
      ],
    }),
    AccessModule.forRoot({ apiKeyStore: PgApiKeyStore }),
    OpsModule,
    ReportingModule,
  ],
})
export class AppModule {}
