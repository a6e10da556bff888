import { ExpectedVersionConflictError } from '@registry/event-store';
import { ChildRuleViolation } from '@registry/identity-domain';

/** A stale If-Match as the caller can act on it: which version is current. Any other error as it is. */
export function staleVersionAsConflict(error: unknown): unknown {
  if (error instanceof ExpectedVersionConflictError) {
    return new ChildRuleViolation(
      'conflict',
      'If-Match',
      `the child is at version ${error.actual}, not ${String(error.expected)}: reload it and send If-Match with the current version`,
      { currentVersion: error.actual },
    );
  }
  return error;
}

/** Data the child's rules refuse before any decider sees it (an unknown desa code, a NIK of another kecamatan). */
export const invalid = (field: string, message: string): ChildRuleViolation =>
  new ChildRuleViolation('invalid', field, message);
