import { IsOptional, MinLength } from 'class-validator';
import { ServiceConfig } from '@registry/platform';

export const DEV_LOOKUP_PEPPER = 'registry-dev-lookup-pepper-change-me';

export class IdentityConfig extends ServiceConfig {
  /** Secret of the keyed hashes that find NIKs and duplicates without storing personal data in clear. */
  @IsOptional()
  @MinLength(16, { message: 'PII_LOOKUP_PEPPER must be at least 16 characters of secret' })
  PII_LOOKUP_PEPPER = DEV_LOOKUP_PEPPER;
}
