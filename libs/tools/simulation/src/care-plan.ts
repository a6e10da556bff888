import {
  addDays,
  appliesAtAge,
  caseForIntervention,
  completedMonths,
  INTERVENTION_TYPES,
  requiredTypes,
  type FundingSource,
  type InterventionType,
  type OpdCode,
  type OpenCase,
} from '@registry/interventions-domain';
import {
  addMonths,
  agedOutOn,
  commitmentEndsOn,
  isCommitted,
  statusOn,
  type Commitment,
  type SponsorshipStatus,
  type SponsorType,
} from '@registry/sponsorship-domain';
import type { Kabupaten, SimChild } from './kabupaten';
import { Random } from './random';

/** Shares of the work the TPPS and the OPDs do for the generated kabupaten, in percent. */
export interface CareOptions {
  /** The day the services date things by (UTC+9): nothing is delivered or contributed after it. */
  readonly today: string;
  /** Of the children with an open case in the kabupaten, those who get interventions recorded. */
  readonly interventionSharePct: number;
  /** Of the sponsorship candidates, those an Orang Tua Asuh pledges to. */
  readonly sponsorSharePct: number;
}

export interface InterventionPlan {
  /** Idempotency-Key of POST /v1/interventions. */
  readonly key: string;
  readonly childKey: string;
  /** The request without childId (the identity service gives it). */
  readonly body: Record<string, unknown> & { readonly type: string; readonly status: 'planned' | 'delivered' };
  /** For a planned one delivered later: POST /v1/interventions/{id}/delivery, under its own key. */
  readonly delivery: { readonly key: string; readonly body: { readonly deliveredOn: string } } | null;
  /** Whether the service must link it to one of the child's open cases (the domain's caseForIntervention). */
  readonly servesCase: boolean;
}

/** Quantities one delivery gives, in the catalog's unit of the type. */
const QUANTITY: Record<string, number> = {
  exclusive_breastfeeding: 2,
  mp_asi: 30,
  basic_immunization: 1,
  vitamin_a: 1,
  deworming: 1,
  pmt_toddler: 30,
  severe_malnutrition_care: 4,
  clean_water: 1,
  sanitation: 1,
  jkn: 1,
  pkh: 1,
  bpnt: 1,
  paud: 1,
  bkb: 4,
  family_assistance: 2,
  dashat: 12,
  birth_certificate: 1,
  house_renovation: 1,
  food_security_aid: 1,
};

/** How each OPD's work is usually funded (STANDARDS: APBD, DAK, Dana Desa, APBN programmes). */
const FUNDING: Record<OpdCode, readonly FundingSource[]> = {
  DINKES: ['APBD', 'APBD', 'DAK'],
  DP2KBP3A: ['APBN', 'APBD'],
  DINSOS: ['APBN'],
  DPU: ['APBD', 'DAK', 'DANA_DESA'],
  DLH: ['APBD'],
  DPMD: ['DANA_DESA'],
  DISDUKCAPIL: ['APBD'],
  DISDIK: ['APBD', 'DAK'],
  DKP: ['APBD'],
  KEMENAG: ['APBN'],
};

/** Given to households of any balita, though no case package asks for them. */
const BEYOND_PACKAGE = INTERVENTION_TYPES.filter(
  (entry) => entry.caseTypes.length === 0 && entry.ageMonths !== null && entry.target !== 'pregnant_mother',
);

/**
 * Interventions for a seeded share of the children with an open case in the kabupaten: one to three items of their
 * convergence package (growth monitoring aside: a measurement meets it), now and then one beyond it (Dashat, RTLH),
 * from the responsible OPD (PMT sometimes bought by the desa), half delivered at once, some planned and delivered
 * days later, the rest planned. Dated from the child's last visit, never after `today` or the generated months.
 */
export function planInterventions(
  kabupaten: Kabupaten,
  open: ReadonlyMap<string, readonly OpenCase[]>,
  options: CareOptions,
): InterventionPlan[] {
  const { seed, regencyCode, untilMonth } = kabupaten.options;
  const random = new Random(seed * 7919 + 11);
  const lastDay = [`${untilMonth}-28`, options.today].sort()[0];
  const plans: InterventionPlan[] = [];
  for (const child of kabupaten.children) {
    const cases = (open.get(child.key) ?? []).filter((c) => c.regencyCode === regencyCode);
    if (cases.length === 0 || !random.chance(options.interventionSharePct / 100)) continue;
    const lastVisit = child.visits[child.visits.length - 1]?.measuredOn ?? child.birthDate;
    const ageMonths = completedMonths(child.birthDate, lastVisit);
    const choices = [
      ...new Map(
        cases
          .flatMap((c) => requiredTypes(c.type, c.severity, ageMonths))
          .filter((entry) => !entry.metByMeasurement)
          .map((entry) => [entry.code, entry]),
      ).values(),
    ];
    const picked: InterventionType[] = [];
    for (let n = random.integer(1, 3); n > 0 && choices.length > 0; n -= 1)
      picked.push(...choices.splice(random.integer(0, choices.length - 1), 1));
    if (random.chance(0.15)) picked.push(random.pick(BEYOND_PACKAGE));
    picked.forEach((entry, i) => {
      const on = [addDays(lastVisit, random.integer(0, 10)), lastDay].sort()[0];
      const roll = random.next();
      const deliverOn = [addDays(on, random.integer(0, 7)), lastDay].sort()[0];
      const laterOn = addDays(on, random.integer(7, 30));
      const appliesOn = (date: string) => appliesAtAge(entry, completedMonths(child.birthDate, date));
      const byDesa = entry.code === 'pmt_toddler' && random.chance(0.3);
      const provider: OpdCode = byDesa ? 'DPMD' : entry.responsibleOpd;
      const key = `sim-${seed}-intervention-${child.key}-${i}`;
      const common = {
        type: entry.code,
        provider,
        quantity: QUANTITY[entry.code] ?? 1,
        unit: entry.unit,
        fundingSource: random.pick(FUNDING[provider]),
        notes: `Simulasi ${kabupaten.options.regencyCode}: ${entry.name}`,
      };
      let plan: Omit<InterventionPlan, 'key' | 'childKey' | 'servesCase'> | null = null;
      if (roll < 0.5 && appliesOn(on))
        plan = { body: { ...common, status: 'delivered', deliveredOn: on }, delivery: null };
      else if (roll < 0.8 && appliesOn(on) && appliesOn(deliverOn))
        plan = {
          body: { ...common, status: 'planned', plannedOn: on },
          delivery: { key: `${key}-delivery`, body: { deliveredOn: deliverOn } },
        };
      else if (appliesOn(laterOn))
        plan = { body: { ...common, status: 'planned', plannedOn: laterOn }, delivery: null };
      if (plan)
        plans.push({ key, childKey: child.key, servesCase: caseForIntervention(entry.code, cases) !== null, ...plan });
    });
  }
  return plans;
}

export interface SponsorPlan {
  readonly key: string;
  readonly body: {
    readonly type: SponsorType;
    readonly name: string;
    readonly contact: string;
    readonly regencyCode: string;
  };
}

export interface PledgePlan {
  readonly key: string;
  readonly childKey: string;
  /** Index into the sponsors of the plan. */
  readonly sponsor: number;
  readonly commitment: Commitment;
  readonly agreementRef: string;
  /** Where it stands on `today` (the domain's statusOn): upcoming and active ones take the child off the list. */
  readonly status: SponsorshipStatus;
  readonly contribution: {
    readonly key: string;
    readonly body: {
      readonly date: string;
      readonly amountIdr?: number;
      readonly items?: ReadonlyArray<{ readonly name: string; readonly quantity: number; readonly unit: string }>;
      readonly evidenceRef: string;
    };
  } | null;
}

const SPONSORS: ReadonlyArray<{ type: SponsorType; name: string; contact: string }> = [
  { type: 'company', name: 'PT Sumber Pangan Sejahtera (CSR)', contact: 'csr@sumberpangan.example' },
  { type: 'tni', name: 'Kodim 0510 (Babinsa)', contact: 'pasiter.kodim0510@example.id' },
  { type: 'polri', name: 'Polresta (Bhabinkamtibmas, Binamas)', contact: 'binmas.polresta@example.id' },
  { type: 'baznas', name: 'BAZNAS Kabupaten', contact: 'baznas.kab@example.id' },
  { type: 'asn', name: 'Korpri Dinas Kesehatan', contact: 'korpri.dinkes@example.id' },
  { type: 'ngo', name: 'Yayasan Gizi Anak Nusantara', contact: '+62 21 5550 1234' },
  { type: 'company', name: 'PT Bank Daerah (CSR)', contact: 'csr@bankdaerah.example' },
  { type: 'individual', name: 'Hj. Sri Mulyani', contact: '+62 812 5550 7788' },
];

const COMMITMENTS: ReadonlyArray<Pick<Commitment, 'kind' | 'description' | 'amountIdr'>> = [
  { kind: 'pmt', description: 'Paket PMT Rp 17.500 per hari', amountIdr: 525_000 },
  { kind: 'eggs', description: 'Satu butir telur per hari', amountIdr: null },
  { kind: 'cash', description: 'Bantuan tunai untuk makanan bergizi', amountIdr: 300_000 },
  { kind: 'food', description: 'Paket sembako bergizi bulanan', amountIdr: 250_000 },
];

/**
 * Orang Tua Asuh for a seeded share of the candidates: a few sponsors of the kinds STANDARDS names, each child
 * pledged by one of them from the first day of the last generated month for three to twelve months (never past the
 * balita years), and most with a first contribution in that month, in cash or, for eggs, in kind.
 */
export function planSponsorships(
  kabupaten: Kabupaten,
  candidates: readonly string[],
  options: CareOptions,
): { sponsors: SponsorPlan[]; pledges: PledgePlan[] } {
  const { seed, regencyCode, untilMonth } = kabupaten.options;
  const random = new Random(seed * 104_729 + 3);
  const children = new Map<string, SimChild>(kabupaten.children.map((child) => [child.key, child]));
  const startOn = `${untilMonth}-01`;
  const chosen = candidates.filter(() => random.chance(options.sponsorSharePct / 100));
  const sponsorCount = Math.min(SPONSORS.length, Math.max(1, Math.ceil(chosen.length / 20)));
  const sponsors = SPONSORS.slice(0, sponsorCount).map((sponsor, i) => ({
    key: `sim-${seed}-sponsor-${i}`,
    body: { ...sponsor, regencyCode },
  }));
  const pledges: PledgePlan[] = [];
  for (const childKey of chosen) {
    const child = children.get(childKey.replace(/-dup$/, ''))!;
    const agedOut = agedOutOn(child.birthDate);
    const monthsLeft = Array.from({ length: 12 }, (_, i) => i + 1).filter(
      (m) => addMonths(startOn, m) <= agedOut,
    ).length;
    const wanted = random.pick([3, 6, 6, 12]);
    const sponsor = random.integer(0, sponsorCount - 1);
    const kind = random.pick(COMMITMENTS);
    const contributes = random.chance(0.7);
    const contributedOn = addDays(startOn, random.integer(0, 20));
    if (child.birthDate > startOn || monthsLeft === 0 || options.today >= agedOut) continue;
    const commitment: Commitment = { ...kind, startOn, months: Math.min(wanted, monthsLeft) };
    const key = `sim-${seed}-pledge-${childKey}`;
    const canContribute = contributes && contributedOn <= options.today && contributedOn < commitmentEndsOn(commitment);
    pledges.push({
      key,
      childKey,
      sponsor,
      commitment,
      agreementRef: `BA Rembuk Stunting ${regencyCode} ${untilMonth.slice(0, 4)} (simulasi ${seed})`,
      status: statusOn({ commitment, endedOn: null }, options.today),
      contribution: canContribute
        ? {
            key: `${key}-contribution`,
            body: {
              date: contributedOn,
              ...(commitment.amountIdr === null
                ? { items: [{ name: 'telur ayam', quantity: 30, unit: 'butir' }] }
                : { amountIdr: commitment.amountIdr }),
              evidenceRef: `kwitansi-sim-${seed}-${childKey}`,
            },
          }
        : null,
    });
  }
  return { sponsors, pledges };
}

/** The children an upcoming or active pledge of the plan takes off the candidate list. */
export const committedChildren = (pledges: readonly PledgePlan[]): Set<string> =>
  new Set(pledges.filter((pledge) => isCommitted(pledge.status)).map((pledge) => pledge.childKey));
