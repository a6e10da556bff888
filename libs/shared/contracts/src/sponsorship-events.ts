import { s, type Infer } from './schema';

/**
 * Orang Tua Asuh: sponsors, their pledges to children and what they contributed. A sponsor's name and contact are
 * personal data for individuals: they stay sealed in the sponsorship service, referenced by version and hash.
 */
export const sponsorshipEventSchemas = {
  'sponsor.registered': s.object({
    sponsorId: s.uuid(),
    type: s.literal('individual', 'company', 'tni', 'polri', 'asn', 'baznas', 'ngo', 'other'),
    regencyCode: s.regionCode(2),
    personalDataVersion: s.integer(),
    personalDataHash: s.string(),
  }),
  'sponsorship.pledged': s.object({
    sponsorshipId: s.uuid(),
    sponsorId: s.uuid(),
    childId: s.uuid(),
    commitment: s.object({
      kind: s.literal('food', 'eggs', 'pmt', 'cash', 'visits', 'other'),
      description: s.string(),
      amountIdr: s.nullable(s.integer()),
      startOn: s.isoDate(),
      months: s.integer(),
    }),
    agreementRef: s.string(),
    regencyCode: s.regionCode(2),
  }),
  'sponsorship.contribution-recorded': s.object({
    sponsorshipId: s.uuid(),
    contributionId: s.uuid(),
    sponsorId: s.uuid(),
    childId: s.uuid(),
    date: s.isoDate(),
    amountIdr: s.nullable(s.integer()),
    items: s.nullable(s.array(s.object({ name: s.string(), quantity: s.number(), unit: s.string() }))),
    evidenceRef: s.nullable(s.string()),
    regencyCode: s.regionCode(2),
  }),
  'sponsorship.ended': s.object({
    sponsorshipId: s.uuid(),
    sponsorId: s.uuid(),
    childId: s.uuid(),
    cause: s.literal('requested', 'completed', 'child_died', 'child_moved', 'child_merged', 'child_aged_out'),
    reason: s.string(),
    endedOn: s.isoDate(),
    /** What the sponsor reads in the portal. */
    notice: s.string(),
    regencyCode: s.regionCode(2),
  }),
  'sponsorship.transferred': s.object({
    sponsorshipId: s.uuid(),
    sponsorId: s.uuid(),
    childId: s.uuid(),
    fromRegencyCode: s.regionCode(2),
    toRegencyCode: s.regionCode(2),
    transferredOn: s.isoDate(),
    notice: s.string(),
  }),
};

export type SponsorshipEventType = keyof typeof sponsorshipEventSchemas;
export type SponsorshipEventData<T extends SponsorshipEventType> = Infer<(typeof sponsorshipEventSchemas)[T]>;
