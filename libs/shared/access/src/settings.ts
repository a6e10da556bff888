import { ConfigurationError } from '@registry/platform';

/** Settings read from the environment, or every problem found, each naming the variable and how to fix it. */
export type Configured<T> =
  | { readonly kind: 'configured'; readonly value: T }
  | { readonly kind: 'misconfigured'; readonly problems: readonly string[] };

/** Throws the platform's ConfigurationError, which runService reports and turns into exit code 78. */
export function requireConfigured<T>(result: Configured<T>): T {
  if (result.kind === 'misconfigured') throw new ConfigurationError([...result.problems]);
  return result.value;
}
