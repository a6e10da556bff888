import type { Regions } from '@registry/regions';
import {
  ageInCompletedMonths,
  completedMonthsOf,
  fulfilmentOn,
  statusOn,
  type KnownChild,
} from '@registry/sponsorship-domain';
import { fulfilmentInput, type SponsorshipFacts } from '../sponsorships/sponsorship-view';

export interface GrowthRow {
  readonly measured_on: string;
  readonly age_days: number;
  readonly z_scores: Record<string, number | null>;
  readonly classifications: Record<string, { code: string; label: string } | null>;
  readonly flags: Record<string, boolean>;
  readonly weight_gain: { readonly judgement: 'N' | 'T' | 'O' | 'B'; readonly consecutiveT: number } | null;
  readonly bgm: boolean;
}

export interface CaseRow {
  readonly type: string;
  readonly severity: string;
  readonly opened_on: string;
  readonly closed_on: string | null;
  readonly close_reason: string | null;
}

export interface InterventionRow {
  readonly type: string;
  readonly category: string;
  readonly delivered_on: string;
}

export interface NoticeRow {
  readonly sponsorship_id: string;
  readonly kind: 'ended' | 'transferred';
  readonly on_date: string;
  readonly notice: string;
}

/** Everything the portal shows of one child, gathered for one sponsor. */
export interface PortalChildFacts {
  readonly ref: string;
  readonly ordinal: number;
  readonly child: KnownChild | null;
  /** The last day the sponsor sees data of: today while it sponsors the child, else when its sponsorship stopped. */
  readonly visibleUntil: string;
  readonly sponsorships: readonly SponsorshipFacts[];
  readonly notices: readonly NoticeRow[];
  readonly growth: readonly GrowthRow[];
  readonly cases: readonly CaseRow[];
  readonly interventions: readonly InterventionRow[];
}

const Z_FLAGS = ['heightForAge', 'weightForAge', 'weightForHeight', 'bmiForAge', 'headCircumferenceForAge'];

/**
 * A child as its sponsor sees it: a pseudonym, never who the child is (no name, NIK, parents, address or desa),
 * how it grows, its case and what it received, and this sponsor's own sponsorships — never another sponsor's.
 * Every field is listed here on purpose: nothing reaches the portal by being spread from a record.
 */
export function portalChildView(facts: PortalChildFacts, today: string, regions: Regions) {
  const { child, visibleUntil } = facts;
  return {
    id: facts.ref,
    pseudonym: `Anak #${facts.ordinal}`,
    asOf: visibleUntil,
    sex: child?.sex ?? null,
    ageMonths: child === null ? null : ageInCompletedMonths(child.birthDate, visibleUntil),
    kecamatan: child === null ? null : (regions.find(child.districtCode)?.name ?? null),
    growth: facts.growth.map((row) => ({
      measuredOn: row.measured_on,
      ageMonths: completedMonthsOf(row.age_days),
      zScores: {
        heightForAge: row.z_scores['heightForAge'] ?? null,
        weightForAge: row.z_scores['weightForAge'] ?? null,
        weightForHeight: row.z_scores['weightForHeight'] ?? null,
        bmiForAge: row.z_scores['bmiForAge'] ?? null,
        headCircumferenceForAge: row.z_scores['headCircumferenceForAge'] ?? null,
      },
      classifications: {
        heightForAge: row.classifications['heightForAge'] ?? null,
        weightForAge: row.classifications['weightForAge'] ?? null,
        weightForHeight: row.classifications['weightForHeight'] ?? null,
      },
      implausible: Z_FLAGS.some((flag) => row.flags[flag] === true),
      // The KMS's words, without the grams: the judgement says whether the child grows, the weight is not shown.
      weightGain:
        row.weight_gain === null
          ? null
          : { judgement: row.weight_gain.judgement, consecutiveT: row.weight_gain.consecutiveT },
      bgm: row.bgm,
    })),
    cases: facts.cases.map((row) => {
      const closed = row.closed_on !== null && row.closed_on <= visibleUntil;
      return {
        type: row.type,
        severity: row.severity,
        status: closed ? 'closed' : 'open',
        openedOn: row.opened_on,
        closedOn: closed ? row.closed_on : null,
        closeReason: closed ? row.close_reason : null,
      };
    }),
    interventions: facts.interventions.map((row) => ({
      type: row.type,
      category: row.category,
      deliveredOn: row.delivered_on,
    })),
    sponsorships: facts.sponsorships.map((sponsorship) => ({
      id: sponsorship.sponsorshipId,
      status: statusOn(fulfilmentInput(sponsorship), today),
      commitment: sponsorship.commitment,
      agreementRef: sponsorship.agreementRef,
      endedOn: sponsorship.ended?.endedOn ?? null,
      fulfilment: fulfilmentOn(fulfilmentInput(sponsorship), today),
      contributions: sponsorship.contributions.map((contribution) => ({
        date: contribution.date,
        amountIdr: contribution.amountIdr,
        items: contribution.items,
        evidenceRef: contribution.evidenceRef,
      })),
      notices: facts.notices
        .filter((notice) => notice.sponsorship_id === sponsorship.sponsorshipId)
        .map((notice) => ({ kind: notice.kind, on: notice.on_date, text: notice.notice })),
    })),
  };
}

export type PortalChildView = ReturnType<typeof portalChildView>;
