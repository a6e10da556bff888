import { Module } from '@nestjs/common';
import { AccessModule, OpsModule, ApiKeyMigration, ApiKeyProjection, PgApiKeyStore } from '@registry/access';
import { TopicByService } from '@registry/contracts';
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
        { projection: ApiKeyProjection, topics: [TopicByService.identity] },
        { projection: ReportingChildrenProjection, topics: [TopicByService.identity] },
        { projection: ReportingMeasurementsProjection, topics: [TopicByService.intake] },
        { projection: ReportingSponsorshipsProjection, topics: [TopicByService.sponsorship] },
        { projection: ReportingChildStatusProjection, topics: [TopicByService.identity, TopicByService.intake] },
        { projection: ReportingSkdnProjection, topics: [TopicByService.identity, TopicByService.intake] },
        {
          projection: TimelineProjection,
          topics: [
            TopicByService.identity,
            TopicByService.intake,
            TopicByService.interventions,
            TopicByService.sponsorship,
          ],
        },
      ],
    }),
    AccessModule.forRoot({ apiKeyStore: PgApiKeyStore }),
    OpsModule,
    ReportingModule,
  ],
})
export class AppModule {}
