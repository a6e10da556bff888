import { Module } from '@nestjs/common';
import { AccessModule, OpsModule, ApiKeyMigration, ApiKeyProjection, PgApiKeyStore } from '@registry/access';
import { TopicByService } from '@registry/contracts';
import {
  FlaggedMeasurementsMigration,
  IntakeConfig,
  IntakeModule,
  IntakeSchemaMigration,
  KnownChildrenProjection,
  MeasurementRecord,
  WeightGainMigration,
} from '@registry/intake-feature';
import { EventSourcingModule, EVENT_STORE_MIGRATIONS, IdempotencyRecords, ServiceModule } from '@registry/platform';

@Module({
  imports: [
    ServiceModule.forService({
      name: 'intake',
      config: IntakeConfig,
      entities: [MeasurementRecord],
      migrations: [
        ...EVENT_STORE_MIGRATIONS,
        IdempotencyRecords.migration,
        ApiKeyMigration,
        IntakeSchemaMigration,
        WeightGainMigration,
        FlaggedMeasurementsMigration,
      ],
    }),
    EventSourcingModule.forService({
      service: 'intake',
      topic: TopicByService.intake,
      projections: [
        { projection: ApiKeyProjection, topics: [TopicByService.identity] },
        { projection: KnownChildrenProjection, topics: [TopicByService.identity] },
      ],
    }),
    AccessModule.forRoot({ apiKeyStore: PgApiKeyStore }),
    OpsModule,
    IntakeModule,
  ],
})
export class AppModule {}
