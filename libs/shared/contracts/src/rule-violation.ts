/** What a refused command needs from its caller: a fix of the data (invalid), of the history (conflict), or nothing there. */
export type RuleViolationKind = 'conflict' | 'invalid' | 'not_found';

/**
 * A command a decider refuses, in every service alike: `field` names what to fix and `kind` how the refusal is
 * answered (platform's RuleViolationFilter: 409, 422 or 404, the body naming the field). Each domain names its own
 * subclass, so a log says whose rule it was.
 */
export class RuleViolation extends Error {
  override readonly name: string = 'RuleViolation';
  constructor(
    readonly kind: RuleViolationKind,
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
