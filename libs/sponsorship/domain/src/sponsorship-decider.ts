// One file over 300 lines: every sponsorship command is decided on one child's sponsorships, and the rules (limits,
// overlapping months, the balita age, a death, a move, a merge) refer to each other.
import { addDays, addMonths, agedOutOn, BALITA_MONTHS } from './calendar';
import { commitmentEndsOn, statusOn } from './fulfilment';
import type { KnownChild } from '@registry/known-child';
import { SponsorshipRuleViolation } from './rule-violation';
import type { ChildSponsorships, Commitment, ContributedItem, Sponsorship, SponsorshipEvent } from './sponsorship';

/** Above these, an amount is taken for a typing mistake (an extra zero, cents typed as rupiah), not a gift. */
export const MAX_MONTHLY_AMOUNT_IDR = 100_000_000;
export const MAX_CONTRIBUTION_IDR = 1_000_000_000;
export const MAX_ITEM_QUANTITY = 100_000;
/** Commitments are signed at the Rembuk Stunting for the year ahead; a later start is a mistyped year. */
export const MAX_MONTHS_AHEAD = 12;

/** Today's date in the registry's calendar, injected so decisions are reproducible. */
export interface DecisionContext {
  readonly today: string;
}

export type SponsorshipCommand =
  | {
      readonly type: 'Pledge';
      readonly data: {
        readonly sponsorshipId: string;
        readonly sponsorId: string;
        /** The child as this service knows it; null when it is unknown in the caller's area. */
        readonly child: KnownChild | null;
        readonly commitment: Commitment;
        readonly agreementRef: string;
      };
    }
  | {
      readonly type: 'RecordContribution';
      readonly data: {
        readonly sponsorshipId: string;
        readonly contributionId: string;
        readonly date: string;
        readonly amountIdr: number | null;
        readonly items: readonly ContributedItem[] | null;
        readonly evidenceRef: string | null;
      };
    }
  | { readonly type: 'EndSponsorship'; readonly data: { readonly sponsorshipId: string; readonly reason: string } }
  | { readonly type: 'FollowDeath'; readonly data: { readonly diedOn: string } }
  | {
      readonly type: 'FollowRelocation';
      readonly data: {
        readonly movedOn: string;
        readonly fromRegencyCode: string;
        readonly toRegencyCode: string;
        /** For the sponsor's notice, e.g. "Kabupaten Serang". */
        readonly toRegencyName: string;
      };
    };

export function decide(
  command: SponsorshipCommand,
  state: ChildSponsorships,
  context: DecisionContext,
): SponsorshipEvent[] {
  switch (command.type) {
    case 'Pledge':
      return [pledge(command.data, state, context)];
    case 'RecordContribution': {
      const { data } = command;
      const sponsorship = existing(state, data.sponsorshipId);
      checkContributionDate(sponsorship, data.date, context.today);
      if (data.amountIdr === null && (data.items === null || data.items.length === 0)) {
        throw invalid('amountIdr', 'send amountIdr (whole rupiah) or items with quantities, or both');
      }
      if (data.amountIdr !== null) checkAmount('amountIdr', data.amountIdr, MAX_CONTRIBUTION_IDR);
      data.items?.forEach((item, i) => checkQuantity(`items[${i}].quantity`, item.quantity));
      const { sponsorId, childId, regencyCode } = sponsorship;
      return [
        {
          type: 'sponsorship.contribution-recorded',
          data: {
            sponsorshipId: data.sponsorshipId,
            contributionId: data.contributionId,
            sponsorId,
            childId,
            date: data.date,
            amountIdr: data.amountIdr,
            items:
              data.items === null ? null : data.items.map(({ name, quantity, unit }) => ({ name, quantity, unit })),
            evidenceRef: data.evidenceRef,
            regencyCode,
          },
        },
      ];
    }
    case 'EndSponsorship': {
      const sponsorship = existing(state, command.data.sponsorshipId);
      if (sponsorship.ended) {
        throw new SponsorshipRuleViolation(
          'conflict',
          'sponsorshipId',
          `this sponsorship already ended on ${sponsorship.ended.endedOn}`,
        );
      }
      if (statusOn({ ...sponsorship, endedOn: null }, context.today) === 'completed') {
        throw new SponsorshipRuleViolation(
          'conflict',
          'sponsorshipId',
          `this sponsorship completed its ${sponsorship.commitment.months} month(s) on ${addDays(commitmentEndsOn(sponsorship.commitment), -1)}: there is nothing left to end`,
        );
      }
      return [
        ended(sponsorship, {
          cause: 'requested',
          endedOn: context.today,
          reason: command.data.reason,
          notice: `Your sponsorship was ended on ${context.today} by the TPPS: ${command.data.reason}`,
        }),
      ];
    }
    case 'FollowDeath': {
      const { diedOn } = command.data;
      return openOn(state, diedOn).map((sponsorship) =>
        ended(sponsorship, {
          cause: 'child_died',
          endedOn: diedOn,
          reason: `the child died on ${diedOn}`,
          notice: `We are sorry to tell you that the child you sponsor passed away on ${diedOn}. Your sponsorship ends on that date. Thank you for standing by this child.`,
        }),
      );
    }
    case 'FollowRelocation': {
      const { movedOn, fromRegencyCode, toRegencyCode, toRegencyName } = command.data;
      if (fromRegencyCode === toRegencyCode) return [];
      // Only sponsorships still where the child came from: replaying an older move changes nothing.
      return openOn(state, movedOn)
        .filter((sponsorship) => sponsorship.regencyCode === fromRegencyCode)
        .map((sponsorship) => ({
          type: 'sponsorship.transferred',
          data: {
            sponsorshipId: sponsorship.sponsorshipId,
            sponsorId: sponsorship.sponsorId,
            childId: sponsorship.childId,
            fromRegencyCode,
            toRegencyCode,
            transferredOn: movedOn,
            notice: `The child you sponsor moved to ${toRegencyName} on ${movedOn}. Your sponsorship continues; the TPPS of ${toRegencyName} now looks after it.`,
          },
        }));
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${(unknown as SponsorshipCommand).type}`);
    }
  }
}

export interface MergeDecision {
  /** For the stream of the record merged away: its open sponsorships end. */
  readonly mergedRecord: SponsorshipEvent[];
  /** For the surviving record's stream: the months that remained, pledged again by the same sponsors. */
  readonly survivingRecord: SponsorshipEvent[];
}

/**
 * A merge says two records were one child: the sponsors keep their child. Each open sponsorship of the record merged
 * away ends there, and the months not yet begun are pledged to the surviving record under the same agreement —
 * unless the sponsor already sponsors it for that time, or no month remains. Contributions stay where they were
 * recorded, so no rupiah is counted twice. Replaying the merge changes nothing: those sponsorships have ended.
 */
export function decideMerge(
  merged: ChildSponsorships,
  surviving: ChildSponsorships,
  merge: { readonly mergedOn: string; readonly survivingChildId: string; readonly survivingRegencyCode: string },
  newSponsorshipId: () => string,
): MergeDecision {
  const { mergedOn, survivingChildId, survivingRegencyCode } = merge;
  const mergedRecord: SponsorshipEvent[] = [];
  const survivingRecord: SponsorshipEvent[] = [];
  const opening = `This child had been registered twice; the two records were merged on ${mergedOn}.`;
  for (const sponsorship of openOn(merged, mergedOn)) {
    const { commitment } = sponsorship;
    const firstRemaining = Array.from({ length: commitment.months }, (_, i) => i).find(
      (i) => addMonths(commitment.startOn, i) >= mergedOn,
    );
    const remaining: Commitment | null =
      firstRemaining === undefined
        ? null
        : {
            ...commitment,
            startOn: addMonths(commitment.startOn, firstRemaining),
            months: commitment.months - firstRemaining,
          };
    const already =
      remaining &&
      surviving.sponsorships.find((other) => other.sponsorId === sponsorship.sponsorId && overlaps(other, remaining));
    let notice: string;
    if (remaining === null) {
      notice = `${opening} Your sponsorship was in its last month and ends with this record.`;
    } else if (already) {
      notice = `${opening} Your sponsorship continues as your sponsorship ${already.sponsorshipId} of the surviving record.`;
    } else {
      const sponsorshipId = newSponsorshipId();
      survivingRecord.push({
        type: 'sponsorship.pledged',
        data: {
          sponsorshipId,
          sponsorId: sponsorship.sponsorId,
          childId: survivingChildId,
          commitment: remaining,
          agreementRef: sponsorship.agreementRef,
          regencyCode: survivingRegencyCode,
        },
      });
      notice = `${opening} Your sponsorship continues on the surviving record as sponsorship ${sponsorshipId}, from ${remaining.startOn} for the ${remaining.months} month(s) that remained.`;
    }
    mergedRecord.push(
      ended(sponsorship, {
        cause: 'child_merged',
        endedOn: mergedOn,
        reason: `the child's record was merged into ${survivingChildId}`,
        notice,
      }),
    );
  }
  return { mergedRecord, survivingRecord };
}

function pledge(
  data: Extract<SponsorshipCommand, { type: 'Pledge' }>['data'],
  state: ChildSponsorships,
  { today }: DecisionContext,
): SponsorshipEvent {
  const { child, commitment } = data;
  if (child === null) throw invalid('childId', 'no such child is registered in your area');
  if (child.status === 'died') throw invalid('childId', `the child died on ${child.diedOn}: it cannot be sponsored`);
  if (child.status === 'merged') {
    throw invalid('childId', `this record was merged into ${child.mergedInto}: pledge to that child instead`);
  }
  const agedOut = agedOutOn(child.birthDate);
  if (today >= agedOut || commitment.startOn >= agedOut) {
    throw invalid(
      'childId',
      `the child is ${BALITA_MONTHS} months old on ${agedOut} and no longer a balita: Orang Tua Asuh sponsor children under ${BALITA_MONTHS} months`,
    );
  }
  if (commitment.startOn < child.birthDate) {
    throw invalid('commitment.startOn', `startOn cannot be before the child's birth date ${child.birthDate}`);
  }
  const latestStart = addMonths(today, MAX_MONTHS_AHEAD);
  if (commitment.startOn > latestStart) {
    throw invalid(
      'commitment.startOn',
      `startOn can be at most ${MAX_MONTHS_AHEAD} months ahead (${latestStart}): is the year right?`,
    );
  }
  if (!Number.isInteger(commitment.months) || commitment.months < 1) {
    throw invalid('commitment.months', `months must be a whole number of months, at least 1; got ${commitment.months}`);
  }
  const monthsLeft = Array.from({ length: BALITA_MONTHS }, (_, i) => i + 1).filter(
    (months) => addMonths(commitment.startOn, months) <= agedOut,
  ).length;
  if (commitment.months > monthsLeft) {
    throw invalid(
      'commitment.months',
      `the child is ${BALITA_MONTHS} months old on ${agedOut}: from ${commitment.startOn} the commitment can last at most ${monthsLeft} month(s)`,
    );
  }
  if (commitment.amountIdr === null) {
    if (commitment.kind === 'cash') {
      throw invalid('commitment.amountIdr', 'a cash commitment needs amountIdr: whole rupiah per month, e.g. 525000');
    }
  } else {
    checkAmount('commitment.amountIdr', commitment.amountIdr, MAX_MONTHLY_AMOUNT_IDR);
  }
  const overlapping = state.sponsorships.find(
    (other) => other.sponsorId === data.sponsorId && overlaps(other, commitment),
  );
  if (overlapping) {
    const { startOn } = overlapping.commitment;
    throw new SponsorshipRuleViolation(
      'conflict',
      'commitment.startOn',
      `this sponsor already sponsors the child from ${startOn} to ${addDays(obligationEndsOn(overlapping), -1)} (sponsorship ${overlapping.sponsorshipId}): start after it, or end it first`,
    );
  }
  return {
    type: 'sponsorship.pledged',
    data: {
      sponsorshipId: data.sponsorshipId,
      sponsorId: data.sponsorId,
      childId: child.childId,
      commitment,
      agreementRef: data.agreementRef,
      regencyCode: child.regencyCode,
    },
  };
}

/** The first day without obligation: the commitment's end, or the end date when it ended earlier. */
const obligationEndsOn = (sponsorship: Sponsorship): string => {
  const endsOn = commitmentEndsOn(sponsorship.commitment);
  return sponsorship.ended && sponsorship.ended.endedOn < endsOn ? sponsorship.ended.endedOn : endsOn;
};

const overlaps = (sponsorship: Sponsorship, commitment: Pick<Commitment, 'startOn' | 'months'>): boolean =>
  sponsorship.commitment.startOn < commitmentEndsOn(commitment) && commitment.startOn < obligationEndsOn(sponsorship);

/** Sponsorships not ended whose commitment still runs on `date` or starts later. */
const openOn = (state: ChildSponsorships, date: string): Sponsorship[] =>
  state.sponsorships.filter(
    (sponsorship) => sponsorship.ended === null && commitmentEndsOn(sponsorship.commitment) > date,
  );

function existing(state: ChildSponsorships, sponsorshipId: string): Sponsorship {
  const sponsorship = state.sponsorships.find((candidate) => candidate.sponsorshipId === sponsorshipId);
  if (!sponsorship) throw new SponsorshipRuleViolation('not_found', 'sponsorshipId', 'no such sponsorship');
  return sponsorship;
}

function checkContributionDate(sponsorship: Sponsorship, date: string, today: string): void {
  const { startOn } = sponsorship.commitment;
  if (date > today) throw invalid('date', 'date cannot be in the future');
  if (date < startOn) throw invalid('date', `the commitment starts on ${startOn}: date cannot be earlier`);
  const endsOn = commitmentEndsOn(sponsorship.commitment);
  if (date >= endsOn) throw invalid('date', `the commitment ran until ${addDays(endsOn, -1)}: date cannot be later`);
  if (sponsorship.ended && date >= sponsorship.ended.endedOn) {
    throw invalid(
      'date',
      `the sponsorship ended on ${sponsorship.ended.endedOn}: only contributions before that date can be recorded`,
    );
  }
}

function checkAmount(field: string, amount: number, max: number): void {
  if (!Number.isInteger(amount)) {
    throw invalid(field, `amounts are whole rupiah (an integer, e.g. 17500), not ${amount}`);
  }
  if (amount <= 0) throw invalid(field, `the amount must be more than 0 rupiah, not ${amount}`);
  if (amount > max) {
    throw invalid(field, `the amount must be at most Rp ${max}: ${amount} looks like a typing mistake`);
  }
}

function checkQuantity(field: string, quantity: number): void {
  if (!(quantity > 0) || quantity > MAX_ITEM_QUANTITY) {
    throw invalid(field, `the quantity must be more than 0 and at most ${MAX_ITEM_QUANTITY}, not ${quantity}`);
  }
}

function ended(
  sponsorship: Sponsorship,
  end: Pick<
    Extract<SponsorshipEvent, { type: 'sponsorship.ended' }>['data'],
    'cause' | 'endedOn' | 'reason' | 'notice'
  >,
): SponsorshipEvent {
  const { sponsorshipId, sponsorId, childId, regencyCode } = sponsorship;
  return { type: 'sponsorship.ended', data: { sponsorshipId, sponsorId, childId, ...end, regencyCode } };
}

const invalid = (field: string, message: string) => new SponsorshipRuleViolation('invalid', field, message);
