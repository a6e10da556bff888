import type { SponsorshipEventData, SponsorshipEventType } from '@registry/contracts';

type SponsorshipStreamEventType = Exclude<SponsorshipEventType, 'sponsor.registered'>;

/** The events of a child's sponsorship stream, exactly as published (contracts in @registry/contracts). */
export type SponsorshipEvent = {
  [T in SponsorshipStreamEventType]: { readonly type: T; readonly data: SponsorshipEventData<T> };
}[SponsorshipStreamEventType];

export type Commitment = SponsorshipEventData<'sponsorship.pledged'>['commitment'];
export type CommitmentKind = Commitment['kind'];
export const COMMITMENT_KINDS: readonly CommitmentKind[] = ['food', 'eggs', 'pmt', 'cash', 'visits', 'other'];
export type EndCause = SponsorshipEventData<'sponsorship.ended'>['cause'];

export interface ContributedItem {
  readonly name: string;
  readonly quantity: number;
  readonly unit: string;
}

export interface Contribution {
  readonly contributionId: string;
  readonly date: string;
  readonly amountIdr: number | null;
  readonly items: readonly ContributedItem[] | null;
  readonly evidenceRef: string | null;
}

export interface Ending {
  readonly cause: EndCause;
  readonly endedOn: string;
  readonly reason: string;
  readonly notice: string;
}

export interface Sponsorship {
  readonly sponsorshipId: string;
  readonly sponsorId: string;
  readonly childId: string;
  readonly commitment: Commitment;
  readonly agreementRef: string;
  /** The regency of the TPPS that looks after it: the child's, following the child across kabupaten. */
  readonly regencyCode: string;
  readonly contributions: readonly Contribution[];
  readonly ended: Ending | null;
}

/**
 * Every sponsorship of one child, from the child's sponsorship stream. The child is the consistency boundary:
 * one sponsor may not pledge twice to it for the same time, and its death or move concerns all its sponsors.
 */
export interface ChildSponsorships {
  readonly sponsorships: readonly Sponsorship[];
}

export const noSponsorships: ChildSponsorships = { sponsorships: [] };

export function evolve(state: ChildSponsorships, event: SponsorshipEvent): ChildSponsorships {
  switch (event.type) {
    case 'sponsorship.pledged': {
      const { sponsorshipId, sponsorId, childId, commitment, agreementRef, regencyCode } = event.data;
      return {
        sponsorships: [
          ...state.sponsorships,
          { sponsorshipId, sponsorId, childId, commitment, agreementRef, regencyCode, contributions: [], ended: null },
        ],
      };
    }
    case 'sponsorship.contribution-recorded': {
      const { contributionId, date, amountIdr, items, evidenceRef } = event.data;
      return change(state, event.data.sponsorshipId, (sponsorship) => ({
        ...sponsorship,
        contributions: [...sponsorship.contributions, { contributionId, date, amountIdr, items, evidenceRef }],
      }));
    }
    case 'sponsorship.ended': {
      const { cause, endedOn, reason, notice } = event.data;
      return change(state, event.data.sponsorshipId, (sponsorship) => ({
        ...sponsorship,
        ended: { cause, endedOn, reason, notice },
      }));
    }
    case 'sponsorship.transferred':
      return change(state, event.data.sponsorshipId, (sponsorship) => ({
        ...sponsorship,
        regencyCode: event.data.toRegencyCode,
      }));
    default: {
      const unknown: never = event;
      throw new Error(`unknown sponsorship event ${(unknown as SponsorshipEvent).type}`);
    }
  }
}

function change(
  state: ChildSponsorships,
  sponsorshipId: string,
  update: (sponsorship: Sponsorship) => Sponsorship,
): ChildSponsorships {
  if (!state.sponsorships.some((sponsorship) => sponsorship.sponsorshipId === sponsorshipId)) {
    throw new Error(`event for sponsorship ${sponsorshipId}, which was never pledged`);
  }
  return {
    sponsorships: state.sponsorships.map((sponsorship) =>
      sponsorship.sponsorshipId === sponsorshipId ? update(sponsorship) : sponsorship,
    ),
  };
}

export const foldSponsorships = (events: readonly SponsorshipEvent[]): ChildSponsorships =>
  events.reduce(evolve, noSponsorships);
