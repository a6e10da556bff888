export { IS_PUBLIC, Public } from '@registry/platform';
export { Access, ACCESS_ROLES, CurrentPrincipal, PERSONAL_DATA, PersonalData } from './access.decorators';
export { AccessGuard } from './access.guard';
export { API_KEY_STORE, AccessModule, type AccessModuleOptions, type ApiKeyStoreProvider } from './access.module';
export { accessRuleOf, PERSONAL_DATA_ROLES, refusalOf, type AccessRule } from './access-rule';
export {
  API_KEY_HEADER,
  InMemoryApiKeyStore,
  issueApiKey,
  revokeApiKey,
  verifyApiKey,
  type ApiKeyRecord,
  type ApiKeyRequest,
  type ApiKeyStore,
  type IssuedApiKey,
} from './api-key';
export {
  authSettingsFrom,
  DEV_SECRET_DEFAULT,
  DEV_TOKEN_ISSUER,
  type AuthSettings,
  type JwksSettings,
} from './auth-settings';
export type { Authentication } from './authentication';
export { Authenticator, credentialsOf, type Credentials } from './authenticator';
export { DEV_TOKEN_TTL_SECONDS, signDevToken, type DevToken, type DevTokenRequest } from './dev-token';
export { JwtVerifier, type JwtVerifierOptions } from './jwt-verifier';
export { DEV_PII_MASTER_KEY, personalDataMasterKeyFrom } from './master-key';
export {
  hashForLookup,
  PersonalDataCipher,
  PersonalDataErasedError,
  PersonalDataIntegrityError,
  type DataKeyStore,
} from './personal-data-cipher';
export {
  actorOf,
  isRole,
  principalFromClaims,
  REGENCY_CODE,
  ROLES,
  VILLAGE_CODE,
  type ClaimsCheck,
  type IntegrationPrincipal,
  type KaderPrincipal,
  type NationalPrincipal,
  type Principal,
  type PuskesmasPrincipal,
  type RegionalPrincipal,
  type RegistryClaims,
  type Role,
  type SponsorPrincipal,
  type TppsPrincipal,
} from './principal';
export { principalOf } from './request-principal';
export { requireConfigured, type Configured } from './settings';
export {
  assertCanWriteAt,
  assertInScope,
  canSee,
  canSeeSponsorship,
  canWriteAt,
  OutOfScopeError,
  regencyScope,
  sponsorshipScope,
  type RegencyScope,
  type SponsorshipScope,
  type WritePlace,
} from './tenancy';
export { ApiKeyMigration, ApiKeyProjection, PgApiKeyStore } from './api-key-store.pg';
export { AccessRulesHttpController, type RouteRule } from './access-rules.http.controller';
export { OpsModule } from './ops.module';
