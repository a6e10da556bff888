import { Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '@registry/platform';
import { ACCESS_ROLES, PERSONAL_DATA } from './access.decorators';
import type { Role } from './principal';

export type AccessRule =
  | { readonly kind: 'public' }
  | { readonly kind: 'roles'; readonly roles: readonly Role[]; readonly personalData: boolean }
  | { readonly kind: 'missing'; readonly reason: string };

/** Roles that may see personal data at all; statisticians work on aggregates, sponsors never see identities. */
export const PERSONAL_DATA_ROLES: readonly Role[] = ['integration', 'kader', 'puskesmas', 'tpps', 'admin'];

const reflector = new Reflector();

/**
 * The rule the guard applies to a route: the method's @Public/@Access, else its controller's. Exported so a test
 * can enumerate every route of a service and flag those without a rule.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- Nest hands route handlers over as Function
export function accessRuleOf(handler: Function, controller: Function): AccessRule {
  const personalData = [handler, controller].some((target) => reflector.get(PERSONAL_DATA, target) === true);
  for (const target of [handler, controller]) {
    const isPublic = reflector.get<boolean | undefined>(IS_PUBLIC, target) === true;
    const roles = reflector.get<readonly Role[] | undefined>(ACCESS_ROLES, target);
    if (isPublic && roles !== undefined) return missing('both @Public() and @Access() given');
    if (isPublic) return personalData ? missing('a @PersonalData() route cannot be @Public()') : { kind: 'public' };
    if (roles !== undefined) return { kind: 'roles', roles, personalData };
  }
  return missing('the route has neither @Public() nor @Access(...)');
}

/** Why this role may not use a route with this rule, or null when it may. */
export function refusalOf(rule: Extract<AccessRule, { kind: 'roles' }>, role: Role): string | null {
  if (!rule.roles.includes(role)) return `role ${role} may not use this route`;
  if (rule.personalData && !PERSONAL_DATA_ROLES.includes(role)) return `role ${role} may not see personal data`;
  return null;
}

const missing = (reason: string): AccessRule => ({ kind: 'missing', reason });
