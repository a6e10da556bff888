import { assertEventContract, deciderSpecification } from '@registry/contracts';
import { evolveCase, initialCase, type Case, type CaseEvent, type KnownCase } from './case';
import { decideCaseFile, type CaseFileTrigger } from './case-file';
import { requiredTypes } from './catalog';
import type { ChildFacts } from './child-facts';
import { REFERRAL_CONSECUTIVE_T, type MeasurementFacts, type WeightGainFacts } from './measurement-findings';

// The follow-up of 2T and BGM (issue #26): a case of its own, decided by the latest judged weighing.

const childId = '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e5f';
const child: ChildFacts = {
  childId,
  birthDate: '2024-09-15',
  villageCode: '36.03.20.2002',
  districtCode: '36.03.20',
  regencyCode: '36.03',
  status: 'active',
  diedOn: null,
  mergedInto: null,
};
const today = '2025-12-01';
const caseId = '0193f1c2-7a5b-7c3d-8e9f-100000000001';
const review: CaseFileTrigger = { type: 'ReviewMeasurements' };

const N: WeightGainFacts = { judgement: 'N', consecutiveT: 0 };
const O: WeightGainFacts = { judgement: 'O', consecutiveT: 0 };
const B: WeightGainFacts = { judgement: 'B', consecutiveT: 0 };
const T = (consecutiveT: number): WeightGainFacts => ({ judgement: 'T', consecutiveT });
const TWO_T = T(REFERRAL_CONSECUTIVE_T);

/** A weighing as intake judged it; height and weight-for-height normal, so only the posyandu's reading speaks. */
const weighed = (n: number, measuredOn: string, weightGain: WeightGainFacts | null, bgm = false): MeasurementFacts => ({
  measurementId: `0193f1c2-7a5b-7c3d-8e9f-${String(n).padStart(12, '0')}`,
  measuredOn,
  status: 'recorded',
  heightForAge: { code: 'normal', flagged: false },
  weightForHeight: { code: 'normal', flagged: false },
  oedema: false,
  weightGain,
  bgm,
});

/** The child's weighings as they stand: given its case events, when reviewed, then these case events. */
const withWeighings = (...measurements: MeasurementFacts[]) =>
  deciderSpecification({
    decide: (trigger: CaseFileTrigger, cases: KnownCase[]) =>
      decideCaseFile({ child, measurements, cases }, trigger, { today, newCaseId: () => caseId }).map(
        (decision) => decision.event,
      ),
    fold: (events: readonly CaseEvent[]): KnownCase[] => {
      const cases = new Map<string, Case>();
      for (const event of events)
        cases.set(event.data.caseId, evolveCase(cases.get(event.data.caseId) ?? initialCase, event));
      return [...cases.values()] as KnownCase[];
    },
  });

const opened = (by: MeasurementFacts, severity: 'moderate' | 'severe'): CaseEvent => ({
  type: 'case.opened',
  data: {
    caseId,
    childId,
    type: 'growth_faltering',
    severity,
    urgent: false,
    triggeringMeasurementId: by.measurementId,
    openedOn: by.measuredOn,
    regencyCode: '36.03',
    districtCode: '36.03.20',
    villageCode: '36.03.20.2002',
  },
});

const closed = (reason: 'recovered' | 'measurement_withdrawn', closedOn: string, measurementId: string): CaseEvent => ({
  type: 'case.closed',
  data: { caseId, childId, type: 'growth_faltering', reason, closedOn, measurementId, regencyCode: '36.03' },
});

const m1 = weighed(1, '2025-07-10', B);
const m2 = weighed(2, '2025-08-10', T(1));
const m3 = weighed(3, '2025-09-10', TWO_T);

describe('follow-up of 2T and BGM', () => {
  it('opens a moderate follow-up, not urgent, at the weighing judged 2T', () => {
    withWeighings(m1, m2, m3)()
      .when(review)
      .then([opened(m3, 'moderate')]);
    expect(() => assertEventContract('case.opened', opened(m3, 'moderate').data)).not.toThrow();
  });

  it('opens a severe follow-up at a weighing below the red line, whatever its gain', () => {
    const bgm = weighed(4, '2025-10-10', N, true);
    withWeighings(m1, m2, bgm)()
      .when(review)
      .then([opened(bgm, 'severe')]);
    const first = weighed(1, '2025-07-10', null, true);
    withWeighings(first)()
      .when(review)
      .then([opened(first, 'severe')]);
  });

  it('keeps it open while the child is T again (3T), and opens no second one', () => {
    withWeighings(
      m1,
      m2,
      m3,
      weighed(4, '2025-10-10', T(3)),
    )(opened(m3, 'moderate'))
      .when(review)
      .then([]);
  });

  it('closes it as recovered by the next N, dated by that weighing', () => {
    const gained = weighed(4, '2025-10-10', N);
    withWeighings(
      m1,
      m2,
      m3,
      gained,
    )(opened(m3, 'moderate'))
      .when(review)
      .then([closed('recovered', gained.measuredOn, gained.measurementId)]);
  });

  it.each([
    ['O (not weighed last month)', O],
    ['B (first month weighed)', B],
    ['a first T', T(1)],
    ['no judgement (no weight, or recorded before N/T)', null],
  ])('takes %s as no verdict: it neither opens nor closes', (_, weightGain) => {
    const later = weighed(4, '2025-11-10', weightGain);
    withWeighings(weighed(1, '2025-10-10', weightGain))()
      .when(review)
      .then([]);
    withWeighings(m1, m2, m3, later)(opened(m3, 'moderate')).when(review).then([]);
  });

  it('does not reopen after an N from a first T', () => {
    const gained = weighed(4, '2025-10-10', N);
    const opening = opened(m3, 'moderate');
    const recovery = closed('recovered', gained.measuredOn, gained.measurementId);
    withWeighings(
      m1,
      m2,
      m3,
      gained,
      weighed(5, '2025-11-10', T(1)),
    )(opening, recovery)
      .when(review)
      .then([]);
  });

  it('withdraws it when a rejudgement turns the 2T that opened it into N', () => {
    // A correction of August's weighing made September an N: nothing during the case shows it any more.
    withWeighings(
      m1,
      { ...m2, weightGain: N },
      { ...m3, weightGain: N },
    )(opened(m3, 'moderate'))
      .when(review)
      .then([closed('measurement_withdrawn', today, m3.measurementId)]);
  });

  it('needs the weighing, feeding for the age, and the TPK for a baduta: never the management of gizi buruk', () => {
    const codes = (ageMonths: number) =>
      requiredTypes('growth_faltering', 'severe', ageMonths).map((entry) => entry.code);
    expect(codes(3)).toEqual(['exclusive_breastfeeding', 'growth_monitoring', 'family_assistance']);
    expect(codes(12)).toEqual(['growth_monitoring', 'pmt_toddler', 'family_assistance']);
    expect(codes(36)).toEqual(['growth_monitoring', 'pmt_toddler']);
  });
});
