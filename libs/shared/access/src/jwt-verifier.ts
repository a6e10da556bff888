import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import { authenticated, rejected, type Authentication } from './authentication';
import { DEV_TOKEN_ISSUER, type AuthSettings } from './auth-settings';
import { principalFromClaims } from './principal';

export interface JwtVerifierOptions {
  /** The verification clock; tests pin it. */
  readonly now?: () => Date;
}

const PROVIDER_ALGORITHMS = ['RS256', 'ES256'];
/** Identity provider and service clocks drift a little; a token is not refused for seconds of skew. */
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Tokens verified before, until they expire: an integration sends the same token with every request, and checking
 * its signature again (an HMAC, or an RS256/ES256 verification) is most of what authenticating costs. Refusals are
 * not kept. Bounded: the oldest entry goes first.
 */
const VERIFIED_TOKENS_KEPT = 10_000;

/** The token is of a kind this service does not accept; the message says which. */
class Refused extends Error {}

/** The JWKS could not be fetched or read: a fault of the key source, not of the caller's token. */
class KeysUnavailable extends Error {
  constructor(override readonly cause: unknown) {
    super('identity provider keys (AUTH_JWKS_URL) could not be fetched');
  }
}

/** Verifies bearer tokens: HS256 development tokens and RS256/ES256 tokens of the identity provider (JWKS). */
export class JwtVerifier {
  private readonly devKey: Uint8Array | null;
  private readonly verified = new Map<
    string,
    { readonly authentication: Authentication; readonly validUntilMs: number }
  >();
  private readonly provider: {
    readonly keys: JWTVerifyGetKey;
    readonly issuer?: string;
    readonly audience?: string;
  } | null;

  constructor(
    settings: AuthSettings,
    private readonly options: JwtVerifierOptions = {},
  ) {
    this.devKey = settings.devSecret === null ? null : new TextEncoder().encode(settings.devSecret);
    this.provider =
      settings.jwks === null
        ? null
        : { ...settings.jwks, keys: providerKeySource(createRemoteJWKSet(settings.jwks.url)) };
  }

  async verify(token: string): Promise<Authentication> {
    const nowMs = (this.options.now?.() ?? new Date()).getTime();
    const known = this.verified.get(token);
    if (known) {
      if (nowMs < known.validUntilMs) return known.authentication;
      this.verified.delete(token);
    }
    let algorithm: unknown;
    try {
      algorithm = decodeProtectedHeader(token).alg;
    } catch {
      return rejected('malformed token');
    }
    try {
      const payload = await this.payloadOf(token, algorithm);
      const authentication = this.principalOf(payload);
      if (authentication.kind === 'authenticated') this.remember(token, authentication, payload);
      return authentication;
    } catch (error) {
      return failureOf(error);
    }
  }

  /** Until the moment jose would refuse it as expired: exp, plus the tolerated clock skew. */
  private remember(token: string, authentication: Authentication, payload: JWTPayload): void {
    if (typeof payload.exp !== 'number') return;
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
    // Shared by every request that brings the token: frozen, so no request can change what the next one sees.
    if (authentication.kind === 'authenticated') Object.freeze(authentication.principal);
    this.verified.set(token, {
      authentication: Object.freeze(authentication),
      validUntilMs: (payload.exp + CLOCK_TOLERANCE_SECONDS) * 1000,
    });
  }

  private async payloadOf(token: string, algorithm: unknown): Promise<JWTPayload> {
    const common: JWTVerifyOptions = {
      requiredClaims: ['sub', 'exp'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: this.options.now?.(),
    };
    if (algorithm === 'HS256') {
      if (this.devKey === null) throw new Refused('development tokens (HS256) are not accepted here');
      const options = { ...common, algorithms: ['HS256'], issuer: DEV_TOKEN_ISSUER };
      return (await jwtVerify(token, this.devKey, options)).payload;
    }
    if (typeof algorithm === 'string' && PROVIDER_ALGORITHMS.includes(algorithm)) {
      if (this.provider === null) {
        throw new Refused(`${algorithm} tokens are not accepted here: no identity provider is configured`);
      }
      const { keys, issuer, audience } = this.provider;
      return (await jwtVerify(token, keys, { ...common, algorithms: PROVIDER_ALGORITHMS, issuer, audience })).payload;
    }
    throw new Refused(`token algorithm ${JSON.stringify(String(algorithm).slice(0, 10))} is not accepted`);
  }

  private principalOf(payload: JWTPayload): Authentication {
    const check = principalFromClaims(payload);
    return check.kind === 'principal' ? authenticated(check.principal) : rejected(check.reason);
  }
}

/** Separates "no key matches this token" (the caller's problem) from a JWKS that cannot be fetched (ours). */
function providerKeySource(remote: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey) throw error;
      throw new KeysUnavailable(error);
    }
  };
}

function failureOf(error: unknown): Authentication {
  if (error instanceof Refused) return rejected(error.message);
  if (error instanceof KeysUnavailable) return { kind: 'unavailable', reason: error.message, cause: error.cause };
  if (error instanceof errors.JWTExpired) return rejected('token expired');
  if (error instanceof errors.JWSSignatureVerificationFailed) return rejected('bad signature');
  if (error instanceof errors.JWKSNoMatchingKey) {
    return rejected('bad signature: no key of the identity provider matches the token');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return rejected(
      error.reason === 'missing' ? `token has no ${error.claim} claim` : `token ${error.claim} claim is not accepted`,
    );
  }
  if (error instanceof errors.JOSEError) return rejected('malformed token');
  throw error;
}
