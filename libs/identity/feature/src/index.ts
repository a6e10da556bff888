export { IdentityModule } from './identity.module';
export { IdentityConfig } from './identity-config';
export { IdentityNameBirthKeyMigration, IdentitySchemaMigration } from './infrastructure/identity-schema.migration';
export { ChildRecord } from './infrastructure/child-record.entity';
export { IdentityImportsMigration } from './imports/infrastructure/import-schema.migration';
export { E_PPGBM_UPLOAD } from './imports/e-ppgbm-upload';
export { IdentityFhirPatientsMigration } from './fhir/infrastructure/fhir-schema.migration';
