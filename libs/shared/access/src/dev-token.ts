import { SignJWT } from 'jose';
import { DEV_TOKEN_ISSUER } from './auth-settings';
import { principalFromClaims, type Principal } from './principal';

export const DEV_TOKEN_TTL_SECONDS = 12 * 60 * 60;

export interface DevTokenRequest {
  readonly role: string;
  readonly regencyCode?: string;
  /** Defaults to dev-<role>-<regency> (dev-sponsor-<sponsorId> for a sponsor, dev-<role> for national roles). */
  readonly subject?: string;
  readonly sponsorId?: string;
  readonly villageCodes?: readonly string[];
  readonly puskesmasCodes?: readonly string[];
  readonly ttlSeconds?: number;
}

export type DevToken =
  | { readonly kind: 'signed'; readonly token: string; readonly principal: Principal; readonly expiresAt: Date }
  | { readonly kind: 'invalid'; readonly reason: string };

/**
 * Signs an HS256 development token with the same claims an identity provider would issue. The claims are checked
 * exactly as the services check them, so a token that would be refused is never printed.
 */
export async function signDevToken(
  request: DevTokenRequest,
  secret: string,
  now: Date = new Date(),
): Promise<DevToken> {
  const claims = {
    sub: request.subject ?? defaultSubject(request),
    role: request.role,
    ...(request.regencyCode !== undefined && { regency_code: request.regencyCode }),
    ...(request.villageCodes !== undefined && { village_codes: [...request.villageCodes] }),
    ...(request.puskesmasCodes !== undefined && { puskesmas_codes: [...request.puskesmasCodes] }),
    ...(request.sponsorId !== undefined && { sponsor_id: request.sponsorId }),
  };
  const check = principalFromClaims(claims);
  if (check.kind === 'invalid') return check;
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + (request.ttlSeconds ?? DEV_TOKEN_TTL_SECONDS);
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(DEV_TOKEN_ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret));
  return { kind: 'signed', token, principal: check.principal, expiresAt: new Date(expiresAt * 1000) };
}

function defaultSubject({ role, regencyCode, sponsorId }: DevTokenRequest): string {
  if (role === 'sponsor' && sponsorId !== undefined) return `dev-sponsor-${sponsorId}`;
  return regencyCode === undefined ? `dev-${role}` : `dev-${role}-${regencyCode}`;
}
