import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { isRole, type Principal, type Role } from './principal';
import { principalOf } from './request-principal';

/** Metadata key of @Access: the roles allowed on a route or controller. */
export const ACCESS_ROLES = 'registry:accessRoles';
/** Metadata key of @PersonalData. */
export const PERSONAL_DATA = 'registry:personalData';

/** The roles allowed on a route (or every route of a controller); a method's rule replaces its controller's. */
export function Access(...roles: [Role, ...Role[]]): ClassDecorator & MethodDecorator {
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new Error(`@Access needs at least one known role; unknown: ${unknown.join(', ') || 'none given'}`);
  }
  return SetMetadata(ACCESS_ROLES, Object.freeze([...new Set(roles)]));
}

/**
 * The route reads or returns personal data (NIK, names, address below desa). Roles that may never see it
 * (statistician, sponsor) are refused even if listed; the service records an access event for the others.
 */
export const PersonalData = (): ClassDecorator & MethodDecorator => SetMetadata(PERSONAL_DATA, true);

/** The authenticated caller; only on routes with @Access (a @Public route has none). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = principalOf(context.switchToHttp().getRequest<object>());
  if (principal === undefined) throw new Error('@CurrentPrincipal() used on a route without @Access()');
  return principal;
});
