import { SponsorshipRuleViolation } from '@registry/sponsorship-domain';

/** Data the sponsorship rules refuse before any decider sees it (an unknown kabupaten, a filter out of range). */
export const invalid = (field: string, message: string): SponsorshipRuleViolation =>
  new SponsorshipRuleViolation('invalid', field, message);
