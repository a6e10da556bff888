export { IdentityModule } from './identity.module';
export { IdentityConfig } from './identity-config';
export { IdentitySchemaMigration } from './infrastructure/identity-schema.migration';
export { ChildRecord } from './infrastructure/child-record.entity';
