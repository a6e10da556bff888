import { RuleViolation } from '@registry/contracts';

/** A command the rules or the history do not allow. `kind` maps to the HTTP answer: 404, 409 or 422. */
export class SponsorshipRuleViolation extends RuleViolation {
  override readonly name = 'SponsorshipRuleViolation';
}
