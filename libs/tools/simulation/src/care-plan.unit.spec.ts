import { appliesAtAge, completedMonths, interventionType } from '@registry/interventions-domain';
import { loadGrowthStandards, loadRegions } from '@registry/reference-data';
import { agedOutOn, commitmentEndsOn } from '@registry/sponsorship-domain';
import { expectedCandidates, expectedOpenCases } from './care-expected';
import { committedChildren, planInterventions, planSponsorships, type CareOptions } from './care-plan';
import { generateKabupaten } from './kabupaten';

const standards = loadGrowthStandards();
const kabupaten = generateKabupaten(loadRegions(), standards, {
  regencyCode: '36.03',
  children: 400,
  months: 12,
  seed: 11,
  prevalencePct: 20,
  untilMonth: '2026-05',
  moveToRegencyCode: '36.04',
});
const options: CareOptions = { today: '2026-06-10', interventionSharePct: 40, sponsorSharePct: 30 };
const open = expectedOpenCases(kabupaten, standards, options.today, { mergeDuplicates: true });
const byKey = new Map(kabupaten.children.map((child) => [child.key, child]));

describe('planInterventions', () => {
  const plans = planInterventions(kabupaten, open, options);

  it('is the same for the same seed, with one Idempotency-Key per write', () => {
    expect(planInterventions(kabupaten, open, options)).toEqual(plans);
    const keys = plans.flatMap((plan) => [plan.key, ...(plan.delivery ? [plan.delivery.key] : [])]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(plans.length).toBeGreaterThan(20);
  });

  it("only for children with an open case in the kabupaten, each item of the catalog's unit and OPD for the child's age on its day", () => {
    for (const plan of plans) {
      expect(open.get(plan.childKey)?.some((c) => c.regencyCode === '36.03')).toBe(true);
      const entry = interventionType(plan.body.type)!;
      expect(plan.body['unit']).toBe(entry.unit);
      expect([entry.responsibleOpd, 'DPMD']).toContain(plan.body['provider']);
      const child = byKey.get(plan.childKey)!;
      const days = [plan.body['plannedOn'], plan.body['deliveredOn'], plan.delivery?.body.deliveredOn].filter(
        (day): day is string => typeof day === 'string',
      );
      for (const day of days) expect(appliesAtAge(entry, completedMonths(child.birthDate, day))).toBe(true);
      if (plan.body.status === 'delivered') expect((plan.body['deliveredOn'] as string) <= options.today).toBe(true);
      if (plan.delivery) expect(plan.delivery.body.deliveredOn >= (plan.body['plannedOn'] as string)).toBe(true);
    }
  });

  it('mixes delivered, planned-then-delivered and planned items, specific and sensitive, in and beyond the package', () => {
    expect(plans.some((plan) => plan.body.status === 'delivered')).toBe(true);
    expect(plans.some((plan) => plan.delivery !== null)).toBe(true);
    expect(plans.some((plan) => plan.body.status === 'planned' && plan.delivery === null)).toBe(true);
    const categories = new Set(plans.map((plan) => interventionType(plan.body.type)!.category));
    expect(categories).toEqual(new Set(['specific', 'sensitive']));
    expect(plans.some((plan) => plan.servesCase)).toBe(true);
  });
});

describe('planSponsorships', () => {
  const candidates = expectedCandidates(open, '36.03');
  const { sponsors, pledges } = planSponsorships(kabupaten, candidates, options);

  it('is the same for the same seed and pledges to a share of the candidates, each once', () => {
    expect(planSponsorships(kabupaten, candidates, options)).toEqual({ sponsors, pledges });
    expect(pledges.length).toBeGreaterThan(0);
    expect(pledges.length).toBeLessThan(candidates.length);
    expect(new Set(pledges.map((pledge) => pledge.childKey)).size).toBe(pledges.length);
    for (const pledge of pledges) expect(candidates).toContain(pledge.childKey);
    expect(sponsors.length).toBeGreaterThanOrEqual(1);
    for (const pledge of pledges) expect(pledge.sponsor).toBeLessThan(sponsors.length);
  });

  it('keeps to the sponsorship rules: after birth, within the balita years, whole rupiah, contributions inside the commitment', () => {
    for (const pledge of pledges) {
      const child = byKey.get(pledge.childKey)!;
      const { commitment, contribution } = pledge;
      expect(commitment.startOn >= child.birthDate).toBe(true);
      expect(commitmentEndsOn(commitment) <= agedOutOn(child.birthDate)).toBe(true);
      expect(commitment.amountIdr === null || Number.isInteger(commitment.amountIdr)).toBe(true);
      if (contribution) {
        expect(contribution.body.date >= commitment.startOn && contribution.body.date <= options.today).toBe(true);
        expect(contribution.body.date < commitmentEndsOn(commitment)).toBe(true);
        expect(contribution.body.amountIdr !== undefined || contribution.body.items !== undefined).toBe(true);
      }
    }
    expect(committedChildren(pledges)).toEqual(
      new Set(pledges.filter((p) => p.status === 'active' || p.status === 'upcoming').map((p) => p.childKey)),
    );
  });
});
