/**
 * What a refused command needs from its caller: a fix of the data (invalid), of the request's form (malformed), of
 * the history (conflict), someone else to send it (forbidden), something smaller (too_large), or nothing there
 * (not_found).
 */
export type RuleViolationKind = 'conflict' | 'invalid' | 'malformed' | 'forbidden' | 'not_found' | 'too_large';

/**
 * A command a decider refuses, in every service alike: `field` names what to fix and `kind` how the refusal is
 * answered (platform's RuleViolationFilter: 409, 422, 400, 403, 404 or 413, the body naming the field). Each domain names its own
 * subclass, so a log says whose rule it was.
 */
export class RuleViolation extends Error {
  override readonly name: string = 'RuleViolation';
  constructor(
    readonly kind: RuleViolationKind,
    readonly field: string,
    message: string,
    /** More the caller can act on, answered beside the message (e.g. the current version, the existing record). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}
