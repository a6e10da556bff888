import { RuleViolation } from '@registry/contracts';

export const invalidRegion = (regionCode: string) =>
  new RuleViolation('invalid', 'regionCode', `${regionCode} is not a known Kemendagri region code`);
