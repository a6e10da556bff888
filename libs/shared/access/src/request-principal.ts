import type { Principal } from './principal';

const PRINCIPAL = Symbol('registry:principal');

type WithPrincipal = { [PRINCIPAL]?: Principal };

/** Called by the guard once the caller is authenticated and allowed. */
export function attachPrincipal(request: object, principal: Principal): void {
  (request as WithPrincipal)[PRINCIPAL] = principal;
}

/** The authenticated caller of a request, for interceptors recording personal-data access; undefined on public routes. */
export function principalOf(request: object): Principal | undefined {
  return (request as WithPrincipal)[PRINCIPAL];
}
