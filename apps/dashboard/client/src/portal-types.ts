/** What the sponsor portal API answers for one child: a pseudonym and growth, never who the child is. */
export interface PortalChild {
  readonly id: string;
  readonly pseudonym: string;
  readonly sex: 'male' | 'female';
  readonly ageMonths: number;
  readonly kecamatan: string | null;
  readonly growth: readonly {
    measuredOn: string;
    ageMonths: number;
    zScores: Record<string, number | null>;
    classifications: Record<string, { code: string; label: string } | null>;
    implausible: boolean;
    /** The posyandu's judgement against last month's weighing; null before intake judged it. */
    weightGain: { judgement: 'N' | 'T' | 'O' | 'B'; consecutiveT: number } | null;
    bgm: boolean;
  }[];
  readonly cases: readonly {
    type: string;
    severity: string;
    status: string;
    openedOn: string;
    closedOn: string | null;
    closeReason: string | null;
  }[];
  readonly interventions: readonly { type: string; category: string; deliveredOn: string }[];
  readonly sponsorships: readonly {
    id: string;
    status: string;
    commitment: { description: string; amountIdr: number | null; startOn: string; months: number };
    fulfilment: { contributedIdr: number; contributions: number };
    contributions: readonly { date: string; amountIdr: number | null; items: string | null }[];
  }[];
}

export const Z_INDICATORS = [
  ['heightForAge', 'TB/U'],
  ['weightForAge', 'BB/U'],
  ['weightForHeight', 'BB/TB'],
] as const;
