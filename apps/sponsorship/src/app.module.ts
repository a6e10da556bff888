import { Module } from '@nestjs/common';
import { AccessModule, OpsModule, ApiKeyMigration, ApiKeyProjection, PgApiKeyStore } from '@registry/access';
import { TopicByService } from '@registry/contracts';
import { EventSourcingModule, EVENT_STORE_MIGRATIONS, IdempotencyRecords, ServiceModule } from '@registry/platform';
import {
  CareProjection,
  GrowthProjection,
  KnownChildrenProjection,
  SponsorshipGrowthWeightGainMigration,
  SponsorshipModule,
  SponsorshipRecord,
  SponsorshipSchemaMigration,
} from '@registry/sponsorship-feature';

@Module({
  imports: [
    ServiceModule.forService({
      name: 'sponsorship',
      entities: [SponsorshipRecord],
      migrations: [
        ...EVENT_STORE_MIGRATIONS,
        IdempotencyRecords.migration,
        ApiKeyMigration,
        SponsorshipSchemaMigration,
        SponsorshipGrowthWeightGainMigration,
      ],
    }),
    EventSourcingModule.forService({
      service: 'sponsorship',
      topic: TopicByService.sponsorship,
      projections: [
        { projection: ApiKeyProjection, topics: [TopicByService.identity] },
        // Children first known, then their sponsorships followed, from the identity service.
        { projection: KnownChildrenProjection, topics: [TopicByService.identity] },
        { projection: GrowthProjection, topics: [TopicByService.intake] },
        { projection: CareProjection, topics: [TopicByService.interventions] },
      ],
    }),
    AccessModule.forRoot({ apiKeyStore: PgApiKeyStore }),
    OpsModule,
    SponsorshipModule,
  ],
})
export class AppModule {}
