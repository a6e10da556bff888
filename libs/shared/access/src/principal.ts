import type { Actor } from '@registry/contracts';

export const ROLES = ['integration', 'kader', 'puskesmas', 'tpps', 'sponsor', 'statistician', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/** Kemendagri kabupaten/kota code, e.g. 36.03. */
export const REGENCY_CODE = /^\d{2}\.\d{2}$/;
/** Kemendagri desa/kelurahan code, e.g. 36.03.12.2001 (1xxx kelurahan, 2xxx desa, 3xxx desa adat). */
export const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.[123]\d{3}$/;

interface RegionalPrincipalBase {
  readonly subject: string;
  readonly regencyCode: string;
}

/** A kabupaten's own system (health office, puskesmas app, posyandu entry); apiKeyId when it used an API key. */
export interface IntegrationPrincipal extends RegionalPrincipalBase {
  readonly role: 'integration';
  readonly apiKeyId?: string;
}

export interface KaderPrincipal extends RegionalPrincipalBase {
  readonly role: 'kader';
  readonly villageCodes: readonly string[];
}

export interface PuskesmasPrincipal extends RegionalPrincipalBase {
  readonly role: 'puskesmas';
  readonly puskesmasCodes: readonly string[];
}

export interface TppsPrincipal extends RegionalPrincipalBase {
  readonly role: 'tpps';
}

export interface SponsorPrincipal {
  readonly subject: string;
  readonly role: 'sponsor';
  readonly regencyCode: null;
  readonly sponsorId: string;
}

export interface NationalPrincipal {
  readonly subject: string;
  readonly role: 'statistician' | 'admin';
  readonly regencyCode: null;
}

export type RegionalPrincipal = IntegrationPrincipal | KaderPrincipal | PuskesmasPrincipal | TppsPrincipal;

/** Who is calling, as established by a verified token or API key. */
export type Principal = RegionalPrincipal | SponsorPrincipal | NationalPrincipal;

/**
 * The claims a registry token carries besides exp/iat/iss. An identity provider maps its user attributes to these
 * names (e.g. Keycloak protocol mappers); the development token command writes them directly.
 */
export interface RegistryClaims {
  readonly sub?: string;
  readonly role?: string;
  readonly regency_code?: string;
  readonly village_codes?: readonly string[];
  readonly puskesmas_codes?: readonly string[];
  readonly sponsor_id?: string;
}

export type ClaimsCheck =
  { readonly kind: 'principal'; readonly principal: Principal } | { readonly kind: 'invalid'; readonly reason: string };

const MAX_SUBJECT_LENGTH = 200;
const MAX_CODE_LENGTH = 64;

/** Builds the principal a token describes, or says what is wrong with it (unknown role, missing regency, …). */
export function principalFromClaims(claims: Readonly<Record<string, unknown>>): ClaimsCheck {
  const { sub: subject, role } = claims;
  if (typeof subject !== 'string' || subject.trim() === '' || subject.length > MAX_SUBJECT_LENGTH) {
    return invalid('token has no usable subject (sub)');
  }
  if (role === undefined) return invalid('token has no role claim');
  if (!isRole(role)) return invalid(`unknown role ${quoted(role)}`);
  switch (role) {
    case 'statistician':
    case 'admin':
      return principal({ subject, role, regencyCode: null });
    case 'sponsor': {
      const sponsorId = claims['sponsor_id'];
      if (typeof sponsorId !== 'string' || sponsorId.trim() === '')
        return invalid('missing sponsor_id for role sponsor');
      return principal({ subject, role, regencyCode: null, sponsorId });
    }
    case 'integration':
    case 'tpps':
    case 'kader':
    case 'puskesmas':
      return regionalPrincipal(subject, role, claims);
  }
}

function regionalPrincipal(
  subject: string,
  role: RegionalPrincipal['role'],
  claims: Readonly<Record<string, unknown>>,
): ClaimsCheck {
  const regencyCode = claims['regency_code'];
  if (regencyCode === undefined || regencyCode === null || regencyCode === '') {
    return invalid(`missing regency for role ${role}`);
  }
  if (typeof regencyCode !== 'string' || !REGENCY_CODE.test(regencyCode)) {
    return invalid(`malformed regency_code ${quoted(regencyCode)}: expected a kabupaten/kota code such as 36.03`);
  }
  switch (role) {
    case 'integration':
    case 'tpps':
      return principal({ subject, role, regencyCode });
    case 'kader': {
      const villageCodes = codeList(claims['village_codes']);
      if (!villageCodes) return invalid('missing or malformed village_codes for role kader');
      const foreign = villageCodes.find((code) => !VILLAGE_CODE.test(code) || !code.startsWith(`${regencyCode}.`));
      if (foreign !== undefined) return invalid(`village ${quoted(foreign)} is not a desa of regency ${regencyCode}`);
      return principal({ subject, role, regencyCode, villageCodes });
    }
    case 'puskesmas': {
      const puskesmasCodes = codeList(claims['puskesmas_codes']);
      if (!puskesmasCodes) return invalid('missing or malformed puskesmas_codes for role puskesmas');
      return principal({ subject, role, regencyCode, puskesmasCodes });
    }
  }
}

/** The actor recorded in the envelope of every event this principal causes. */
export function actorOf(principal: Principal): Actor {
  const { subject, role } = principal;
  return principal.role === 'integration' && principal.apiKeyId !== undefined
    ? { subject, role, apiKeyId: principal.apiKeyId }
    : { subject, role };
}

/** A non-empty list of non-empty strings, duplicates removed; undefined when the claim is absent or unusable. */
function codeList(value: unknown): readonly string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (!value.every((code) => typeof code === 'string' && code !== '' && code.length <= MAX_CODE_LENGTH)) {
    return undefined;
  }
  return [...new Set(value as string[])];
}

const principal = (value: Principal): ClaimsCheck => ({ kind: 'principal', principal: value });
const invalid = (reason: string): ClaimsCheck => ({ kind: 'invalid', reason });

/** Token content is caller-controlled: echo only a short, quoted excerpt of it. */
const quoted = (value: unknown): string => JSON.stringify(String(value).slice(0, 40));
