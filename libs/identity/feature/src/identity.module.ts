import { Module } from '@nestjs/common';
import { personalDataMasterKeyFrom, requireConfigured } from '@registry/access';
import { loadRegions } from '@registry/reference-data';
import { Regions } from '@registry/regions';
import { ConfigurationError } from '@registry/platform';
import { IssueApiKeyHandler } from './api-keys/issue-api-key/issue-api-key.handler';
import { IssueApiKeyHttpController } from './api-keys/issue-api-key/issue-api-key.http.controller';
import { ListApiKeysHandler } from './api-keys/list-api-keys/list-api-keys.handler';
import { ListApiKeysHttpController } from './api-keys/list-api-keys/list-api-keys.http.controller';
import { RevokeApiKeyHandler } from './api-keys/revoke-api-key/revoke-api-key.handler';
import { RevokeApiKeyHttpController } from './api-keys/revoke-api-key/revoke-api-key.http.controller';
import { ChildWriter } from './children/child-writer';
import { CorrectChildHandler } from './children/correct-child/correct-child.handler';
import { CorrectChildHttpController } from './children/correct-child/correct-child.http.controller';
import { ErasePersonalDataHandler } from './children/erase-personal-data/erase-personal-data.handler';
import { ErasePersonalDataHttpController } from './children/erase-personal-data/erase-personal-data.http.controller';
import { FindChildrenHandler } from './children/find-children/find-children.handler';
import { FindChildrenHttpController } from './children/find-children/find-children.http.controller';
import { ListDuplicatesHandler } from './children/list-duplicates/list-duplicates.handler';
import { ListDuplicatesHttpController } from './children/list-duplicates/list-duplicates.http.controller';
import { MergeChildrenHandler } from './children/merge-children/merge-children.handler';
import { MergeChildrenHttpController } from './children/merge-children/merge-children.http.controller';
import { NikConflictFilter } from './children/nik-conflict.filter';
import { RecordDeathHandler } from './children/record-death/record-death.handler';
import { RecordDeathHttpController } from './children/record-death/record-death.http.controller';
import { RegisterChildHandler } from './children/register-child/register-child.handler';
import { RegisterChildHttpController } from './children/register-child/register-child.http.controller';
import { RegisterChildrenBatchHandler } from './children/register-children-batch/register-children-batch.handler';
import { RegisterChildrenBatchHttpController } from './children/register-children-batch/register-children-batch.http.controller';
import { RelocateChildHandler } from './children/relocate-child/relocate-child.handler';
import { RelocateChildHttpController } from './children/relocate-child/relocate-child.http.controller';
import { GetImportHandler } from './imports/get-import/get-import.handler';
import { GetImportHttpController } from './imports/get-import/get-import.http.controller';
import { ImportFileStore } from './imports/infrastructure/import-file.pg';
import { ImportJobs } from './imports/infrastructure/import-jobs.pg';
import { IntakeMeasurementsClient } from './infrastructure/intake-measurements.client';
import { ListImportRowsHandler } from './imports/list-import-rows/list-import-rows.handler';
import { ListImportRowsHttpController } from './imports/list-import-rows/list-import-rows.http.controller';
import { ResumeImportHandler } from './imports/resume-import/resume-import.handler';
import { ResumeImportHttpController } from './imports/resume-import/resume-import.http.controller';
import { IdentityChildrenPort } from './imports/run-import/identity-children.port';
import { ImportJobRun } from './imports/run-import/import-job-run';
import { ImportRunner } from './imports/run-import/import-runner';
import { StartImportHandler } from './imports/start-import/start-import.handler';
import { StartImportHttpController } from './imports/start-import/start-import.http.controller';
import { CapabilityHttpController } from './fhir/capability/capability.http.controller';
import { CodeSystemsHttpController } from './fhir/capability/code-systems.http.controller';
import { BundleMeasurements } from './fhir/process-bundle/bundle-measurements';
import { BundleSubjects } from './fhir/process-bundle/bundle-subjects';
import { ProcessBundleHandler } from './fhir/process-bundle/process-bundle.handler';
import { ProcessBundleHttpController } from './fhir/process-bundle/process-bundle.http.controller';
import { ReadChildHandler } from './fhir/read-child/read-child.handler';
import { ReadChildHttpController } from './fhir/read-child/read-child.http.controller';
import { ChildReadModel } from './infrastructure/child.read-model';
import { PersonalDataVault } from './infrastructure/personal-data-vault';
import { DEV_LOOKUP_PEPPER, IdentityConfig } from './identity-config';
import { APP_FILTER } from '@nestjs/core';
import { CLOCK } from '@registry/contracts';

/** The child identity service: one record per real child, the only holder of its personal data. */
@Module({
  controllers: [
    // Literal routes before `:id`: Express matches in registration order.
    ListDuplicatesHttpController,
    RegisterChildrenBatchHttpController,
    RegisterChildHttpController,
    FindChildrenHttpController,
    CorrectChildHttpController,
    RelocateChildHttpController,
    RecordDeathHttpController,
    MergeChildrenHttpController,
    ErasePersonalDataHttpController,
    IssueApiKeyHttpController,
    RevokeApiKeyHttpController,
    ListApiKeysHttpController,
    StartImportHttpController,
    GetImportHttpController,
    ListImportRowsHttpController,
    ResumeImportHttpController,
    CapabilityHttpController,
    CodeSystemsHttpController,
    ProcessBundleHttpController,
    ReadChildHttpController,
  ],
  providers: [
    { provide: CLOCK, useValue: () => new Date() },
    { provide: Regions, useFactory: () => loadRegions() },
    {
      provide: PersonalDataVault,
      inject: [IdentityConfig],
      useFactory: (config: IdentityConfig) => {
        if (process.env['NODE_ENV'] === 'production' && config.PII_LOOKUP_PEPPER === DEV_LOOKUP_PEPPER) {
          throw new ConfigurationError(['PII_LOOKUP_PEPPER must be set to a secret of its own in production']);
        }
        return new PersonalDataVault(
          requireConfigured(personalDataMasterKeyFrom(process.env)),
          config.PII_LOOKUP_PEPPER,
        );
      },
    },
    {
      provide: ChildReadModel,
      inject: [PersonalDataVault],
      useFactory: (vault: PersonalDataVault) => new ChildReadModel(vault),
    },
    ChildWriter,
    RegisterChildHandler,
    RegisterChildrenBatchHandler,
    FindChildrenHandler,
    ListDuplicatesHandler,
    CorrectChildHandler,
    RelocateChildHandler,
    RecordDeathHandler,
    MergeChildrenHandler,
    ErasePersonalDataHandler,
    IssueApiKeyHandler,
    RevokeApiKeyHandler,
    ListApiKeysHandler,
    ImportJobs,
    {
      provide: ImportFileStore,
      inject: [PersonalDataVault],
      useFactory: (vault: PersonalDataVault) => new ImportFileStore(vault),
    },
    IntakeMeasurementsClient,
    IdentityChildrenPort,
    ImportJobRun,
    ImportRunner,
    StartImportHandler,
    GetImportHandler,
    ListImportRowsHandler,
    ResumeImportHandler,
    BundleMeasurements,
    BundleSubjects,
    ProcessBundleHandler,
    ReadChildHandler,
    { provide: APP_FILTER, useClass: NikConflictFilter },
  ],
})
export class IdentityModule {}
