import {
  fulfilmentOn,
  statusOn,
  type ChildSponsorships,
  type Ending,
  type Sponsorship,
} from '@registry/sponsorship-domain';

/** A sponsorship as its events or the read model give it: the read model keeps only how and when it ended. */
export type SponsorshipFacts = Omit<Sponsorship, 'ended'> & {
  readonly ended: Pick<Ending, 'cause' | 'endedOn'> | null;
};

export const fulfilmentInput = (sponsorship: SponsorshipFacts) => ({
  commitment: sponsorship.commitment,
  endedOn: sponsorship.ended?.endedOn ?? null,
  contributions: sponsorship.contributions,
});

/** A sponsorship as the TPPS sees it: the pledge, where it stands today, and contributed against pledged. */
export const sponsorshipView = (sponsorship: SponsorshipFacts, today: string) => ({
  id: sponsorship.sponsorshipId,
  sponsorId: sponsorship.sponsorId,
  childId: sponsorship.childId,
  regencyCode: sponsorship.regencyCode,
  status: statusOn(fulfilmentInput(sponsorship), today),
  commitment: sponsorship.commitment,
  agreementRef: sponsorship.agreementRef,
  endedOn: sponsorship.ended?.endedOn ?? null,
  endCause: sponsorship.ended?.cause ?? null,
  fulfilment: fulfilmentOn(fulfilmentInput(sponsorship), today),
});

/** The sponsorship of that id among a child's, which the caller just wrote. */
export function sponsorshipIn(state: ChildSponsorships, sponsorshipId: string): Sponsorship {
  const sponsorship = state.sponsorships.find((candidate) => candidate.sponsorshipId === sponsorshipId);
  if (!sponsorship) throw new Error(`sponsorship ${sponsorshipId} is not in the child's stream`);
  return sponsorship;
}
