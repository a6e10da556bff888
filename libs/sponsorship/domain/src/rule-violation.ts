/** A command the rules or the history do not allow. `kind` maps to the HTTP answer: 404, 409 or 422. */
export class SponsorshipRuleViolation extends Error {
  override readonly name = 'SponsorshipRuleViolation';
  constructor(
    readonly kind: 'conflict' | 'invalid' | 'not_found',
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
