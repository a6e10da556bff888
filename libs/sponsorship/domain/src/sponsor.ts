import type { SponsorshipEventData } from '@registry/contracts';
import { SponsorshipRuleViolation } from './rule-violation';

export const SPONSOR_TYPES = ['individual', 'company', 'tni', 'polri', 'asn', 'baznas', 'ngo', 'other'] as const;
export type SponsorType = (typeof SPONSOR_TYPES)[number];

/**
 * A sponsor's name and contact are sealed beside the events with the sponsor's own key; the event names the
 * sealed version and its SHA-256, as a child's personal data does in the identity service.
 */
export interface SponsorPersonalDataRef {
  readonly personalDataVersion: number;
  readonly personalDataHash: string;
}

export type SponsorEvent = {
  readonly type: 'sponsor.registered';
  readonly data: SponsorshipEventData<'sponsor.registered'>;
};

export type Sponsor =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly sponsorId: string;
      readonly type: SponsorType;
      readonly regencyCode: string;
      readonly personalDataVersion: number;
    };

export const initialSponsor: Sponsor = { status: 'unregistered' };

export function evolveSponsor(state: Sponsor, event: SponsorEvent): Sponsor {
  switch (event.type) {
    case 'sponsor.registered': {
      const { sponsorId, type, regencyCode, personalDataVersion } = event.data;
      return { status: 'registered', sponsorId, type, regencyCode, personalDataVersion };
    }
    default: {
      const unknown: never = event.type;
      throw new Error(`unknown sponsor event ${String(unknown)}`);
    }
  }
}

export const foldSponsor = (events: readonly SponsorEvent[]): Sponsor => events.reduce(evolveSponsor, initialSponsor);

export type SponsorCommand = {
  readonly type: 'RegisterSponsor';
  readonly data: SponsorPersonalDataRef & {
    readonly sponsorId: string;
    readonly type: SponsorType;
    readonly regencyCode: string;
  };
};

/** A sponsor is registered once. */
export function decideSponsor(command: SponsorCommand, state: Sponsor): SponsorEvent[] {
  switch (command.type) {
    case 'RegisterSponsor':
      if (state.status !== 'unregistered')
        throw new SponsorshipRuleViolation('conflict', 'sponsorId', 'this sponsor is already registered');
      return [{ type: 'sponsor.registered', data: command.data }];
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown sponsor command ${String(unknown)}`);
    }
  }
}
