import { Module } from '@nestjs/common';
import { AccessModule, OpsModule, ApiKeyMigration, ApiKeyProjection, PgApiKeyStore } from '@registry/access';
import { TopicByService } from '@registry/contracts';
import {
  ChildRecord,
  IdentityConfig,
  IdentityModule,
  IdentityImportsMigration,
  IdentityFhirPatientsMigration,
  IdentityNameBirthKeyMigration,
  IdentitySchemaMigration,
} from '@registry/identity-feature';
import { EventSourcingModule, EVENT_STORE_MIGRATIONS, IdempotencyRecords, ServiceModule } from '@registry/platform';

@Module({
  imports: [
    ServiceModule.forService({
      name: 'identity',
      config: IdentityConfig,
      entities: [ChildRecord],
      migrations: [
        ...EVENT_STORE_MIGRATIONS,
        IdempotencyRecords.migration,
        ApiKeyMigration,
        IdentitySchemaMigration,
        IdentityNameBirthKeyMigration,
        IdentityImportsMigration,
        IdentityFhirPatientsMigration,
      ],
    }),
    EventSourcingModule.forService({
      service: 'identity',
      topic: TopicByService.identity,
      projections: [{ projection: ApiKeyProjection, topics: [TopicByService.identity] }],
    }),
    AccessModule.forRoot({ apiKeyStore: PgApiKeyStore }),
    OpsModule,
    IdentityModule,
  ],
})
export class AppModule {}
