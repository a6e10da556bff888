import type { Principal } from './principal';

/**
 * The outcome of checking a caller's credentials: rejected answers 401 with the reason, unavailable answers 503
 * (the identity provider's keys or the API key store could not be reached, which says nothing about the caller).
 */
export type Authentication =
  | { readonly kind: 'authenticated'; readonly principal: Principal }
  | { readonly kind: 'rejected'; readonly reason: string }
  | { readonly kind: 'unavailable'; readonly reason: string; readonly cause?: unknown };

export const authenticated = (principal: Principal): Authentication => ({ kind: 'authenticated', principal });
export const rejected = (reason: string): Authentication => ({ kind: 'rejected', reason });
