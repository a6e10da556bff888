export { IdentityModule } from './identity.module';
export { IdentityConfig } from './identity-config';
export { IdentityNameBirthKeyMigration, IdentitySchemaMigration } from './infrastructure/identity-schema.migration';
export { ChildRecord } from './infrastructure/child-record.entity';
