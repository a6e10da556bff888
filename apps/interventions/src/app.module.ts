import { Module } from '@nestjs/common';
import { AccessModule, OpsModule, ApiKeyMigration, ApiKeyProjection, PgApiKeyStore } from '@registry/access';
import { TopicByService } from '@registry/contracts';
import {
  CaseTrackerProjection,
  InterventionRecord,
  InterventionsModule,
  InterventionsSchemaMigration,
  InterventionsWeightGainMigration,
} from '@registry/interventions-feature';
import { EventSourcingModule, EVENT_STORE_MIGRATIONS, IdempotencyRecords, ServiceModule } from '@registry/platform';

@Module({
  imports: [
    ServiceModule.forService({
      name: 'interventions',
      entities: [InterventionRecord],
      migrations: [
        ...EVENT_STORE_MIGRATIONS,
        IdempotencyRecords.migration,
        ApiKeyMigration,
        InterventionsSchemaMigration,
        InterventionsWeightGainMigration,
      ],
    }),
    EventSourcingModule.forService({
      service: 'interventions',
      topic: TopicByService.interventions,
      projections: [
        { projection: ApiKeyProjection, topics: [TopicByService.identity] },
        { projection: CaseTrackerProjection, topics: [TopicByService.identity, TopicByService.intake] },
      ],
    }),
    AccessModule.forRoot({ apiKeyStore: PgApiKeyStore }),
    OpsModule,
    InterventionsModule,
  ],
})
export class AppModule {}
