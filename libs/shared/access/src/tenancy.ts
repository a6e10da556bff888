import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Principal } from './principal';

/**
 * Which kabupaten a principal's queries may touch. Services put it in the WHERE clause of every query on
 * regency-owned data (never filter afterwards): 'none' means the query must not run at all.
 * Statisticians get 'all' for aggregates; routes returning rows about children keep them out with @Access.
 */
export type RegencyScope =
  { readonly kind: 'all' } | { readonly kind: 'regency'; readonly regencyCode: string } | { readonly kind: 'none' };

export function regencyScope(principal: Principal): RegencyScope {
  switch (principal.role) {
    case 'statistician':
    case 'admin':
      return { kind: 'all' };
    case 'sponsor':
      return { kind: 'none' };
    case 'integration':
    case 'kader':
    case 'puskesmas':
    case 'tpps':
      return { kind: 'regency', regencyCode: principal.regencyCode };
  }
}

/** Sponsorships: a TPPS sees its regency's, a sponsor only its own. */
export type SponsorshipScope = RegencyScope | { readonly kind: 'sponsor'; readonly sponsorId: string };

export function sponsorshipScope(principal: Principal): SponsorshipScope {
  return principal.role === 'sponsor' ? { kind: 'sponsor', sponsorId: principal.sponsorId } : regencyScope(principal);
}

/** Whether a record of this regency (null: not tied to one) is visible to the principal. */
export function canSee(principal: Principal, regencyCode: string | null): boolean {
  const scope = regencyScope(principal);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'regency':
      return scope.regencyCode === regencyCode;
  }
}

export function canSeeSponsorship(
  principal: Principal,
  sponsorship: { readonly regencyCode: string | null; readonly sponsorId: string },
): boolean {
  return principal.role === 'sponsor'
    ? principal.sponsorId === sponsorship.sponsorId
    : canSee(principal, sponsorship.regencyCode);
}

/**
 * A record outside the caller's scope answers exactly like one that does not exist (404), so ids of other
 * kabupaten cannot be probed. Give services' own "not found" the same message.
 */
export class OutOfScopeError extends NotFoundException {
  constructor(what: string) {
    super(`${what} not found`);
  }
}

/** Throws OutOfScopeError (404) unless the principal may see a record of this regency. */
export function assertInScope(principal: Principal, regencyCode: string | null, what = 'record'): void {
  if (!canSee(principal, regencyCode)) throw new OutOfScopeError(what);
}

/** Where a write lands: the child's regency and, for field roles, the desa or puskesmas it is recorded for. */
export interface WritePlace {
  readonly regencyCode: string;
  readonly villageCode?: string;
  readonly puskesmasCode?: string;
}

/** Writes: kader only for their desa, puskesmas only for their puskesmas, integration and TPPS for the regency. */
export function canWriteAt(principal: Principal, place: WritePlace): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'statistician':
    case 'sponsor':
      return false;
    case 'integration':
    case 'tpps':
      return principal.regencyCode === place.regencyCode;
    case 'kader':
      return (
        principal.regencyCode === place.regencyCode &&
        place.villageCode !== undefined &&
        principal.villageCodes.includes(place.villageCode)
      );
    case 'puskesmas':
      return (
        principal.regencyCode === place.regencyCode &&
        place.puskesmasCode !== undefined &&
        principal.puskesmasCodes.includes(place.puskesmasCode)
      );
  }
}

/**
 * Outside the regency the caller cannot see: 404, like a read. Inside it but outside the caller's desa or
 * puskesmas, or for a read-only role: 403, as the caller may know the record exists.
 */
export function assertCanWriteAt(principal: Principal, place: WritePlace, what = 'record'): void {
  if (canWriteAt(principal, place)) return;
  if (!canSee(principal, place.regencyCode)) throw new OutOfScopeError(what);
  throw new ForbiddenException(`role ${principal.role} may not write ${what} here`);
}
