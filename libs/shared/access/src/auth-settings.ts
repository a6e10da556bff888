import type { Configured } from './settings';

/** The documented development default of AUTH_DEV_SECRET; refused when NODE_ENV=production. */
export const DEV_SECRET_DEFAULT = 'registry-dev-secret-change-me';
/** Issuer of HS256 development tokens, checked so they cannot pass for the identity provider's. */
export const DEV_TOKEN_ISSUER = 'registry-dev';

const MIN_SECRET_LENGTH = 32;

export interface JwksSettings {
  readonly url: URL;
  readonly issuer?: string;
  readonly audience?: string;
}

export interface AuthSettings {
  /** HS256 secret of development tokens; null when they are not accepted. */
  readonly devSecret: string | null;
  /** RS256/ES256 tokens of the identity provider; null when none is configured. */
  readonly jwks: JwksSettings | null;
}

/**
 * AUTH_JWKS_URL (+ AUTH_ISSUER, AUTH_AUDIENCE) for the identity provider; AUTH_DEV_SECRET for HS256 development
 * tokens, defaulting to DEV_SECRET_DEFAULT outside production. In production the default is refused and, without
 * an explicit AUTH_DEV_SECRET, HS256 tokens are not accepted at all.
 */
export function authSettingsFrom(env: NodeJS.ProcessEnv): Configured<AuthSettings> {
  const production = env['NODE_ENV'] === 'production';
  const problems: string[] = [];

  const givenSecret = env['AUTH_DEV_SECRET'] || undefined;
  const devSecret = givenSecret ?? (production ? null : DEV_SECRET_DEFAULT);
  if (production && devSecret === DEV_SECRET_DEFAULT) {
    problems.push(
      'AUTH_DEV_SECRET is the documented development default and is refused with NODE_ENV=production: unset it and set AUTH_JWKS_URL',
    );
  } else if (
    givenSecret !== undefined &&
    givenSecret !== DEV_SECRET_DEFAULT &&
    givenSecret.length < MIN_SECRET_LENGTH
  ) {
    problems.push(
      `AUTH_DEV_SECRET must be at least ${MIN_SECRET_LENGTH} characters, e.g. from: openssl rand -base64 32`,
    );
  }

  const jwks = jwksFrom(env, problems);
  if (production && jwks === null && devSecret === null) {
    problems.push(
      "no token keys: set AUTH_JWKS_URL to the identity provider's JWKS, e.g. https://sso.example.go.id/jwks",
    );
  }
  return problems.length > 0 ? { kind: 'misconfigured', problems } : { kind: 'configured', value: { devSecret, jwks } };
}

function jwksFrom(env: NodeJS.ProcessEnv, problems: string[]): JwksSettings | null {
  const url = env['AUTH_JWKS_URL'] || undefined;
  const issuer = env['AUTH_ISSUER'] || undefined;
  const audience = env['AUTH_AUDIENCE'] || undefined;
  if (url === undefined) {
    if (issuer !== undefined || audience !== undefined) {
      problems.push(
        'AUTH_ISSUER and AUTH_AUDIENCE apply to tokens checked against AUTH_JWKS_URL: set AUTH_JWKS_URL too',
      );
    }
    return null;
  }
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed === null || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    problems.push(
      'AUTH_JWKS_URL must be an http(s) URL, e.g. https://sso.example.go.id/realms/registry/protocol/openid-connect/certs',
    );
    return null;
  }
  return { url: parsed, issuer, audience };
}
