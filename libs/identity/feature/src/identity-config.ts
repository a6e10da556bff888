import { IsOptional, IsUrl, MinLength } from 'class-validator';
import { ServiceConfig } from '@registry/platform';

export const DEV_LOOKUP_PEPPER = 'registry-dev-lookup-pepper-change-me';

export class IdentityConfig extends ServiceConfig {
  /** Secret of the keyed hashes that find NIKs and duplicates without storing personal data in clear. */
  @IsOptional()
  @MinLength(16, { message: 'PII_LOOKUP_PEPPER must be at least 16 characters of secret' })
  PII_LOOKUP_PEPPER = DEV_LOOKUP_PEPPER;

  /**
   * Where imports send their measurements (intake's API). Defaults to intake on this host at INTAKE_PORT, as
   * scripts/services.sh runs the stack.
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'INTAKE_URL must be an http(s) URL, e.g. INTAKE_URL=http://intake.internal:3002' },
  )
  INTAKE_URL = `http://127.0.0.1:${process.env['INTAKE_PORT'] || 3002}`;
}
