import { OutOfScopeError, regencyScope, type Principal } from '@registry/access';
import { RuleViolation } from '@registry/contracts';

/** A Kemendagri region code of any level: province 36, regency 36.03, district 36.03.20, desa 36.03.20.2002. */
export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/**
 * The region a report may cover for this caller: a TPPS only its own regency (a foreign code is 404, as for
 * records); national roles whatever they ask for, or everything.
 */
export function reportRegion(principal: Principal, requested: string | undefined): string | null {
  const scope = regencyScope(principal);
  if (scope.kind === 'all') return requested ?? null;
  if (scope.kind === 'none') throw new OutOfScopeError('report');
  if (requested === undefined) return scope.regencyCode;
  if (requested === scope.regencyCode || requested.startsWith(`${scope.regencyCode}.`)) return requested;
  if (scope.regencyCode.startsWith(`${requested}.`)) {
    throw new RuleViolation(
      'malformed',
      'regionCode',
      `${requested} is wider than your regency ${scope.regencyCode}: ask for ${scope.regencyCode}`,
    );
  }
  throw new OutOfScopeError(`region ${requested}`);
}
