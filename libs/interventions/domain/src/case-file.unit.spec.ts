import { assertEventContract } from '@registry/contracts';
import { addDays, agesOutOn } from './calendar';
import { evolveCase, initialCase, type Case, type KnownCase } from './case';
import { decideCaseFile, type CaseDecision, type CaseFileTrigger } from './case-file';
import type { ChildFacts } from './child-facts';
import type { MeasurementFacts } from './measurement-findings';

const childId = '0193f1c2-7a5b-7c3d-8e9f-0a1b2c3d4e5f';
const child: ChildFacts = {
  childId,
  birthDate: '2024-01-15',
  villageCode: '36.03.20.2002',
  districtCode: '36.03.20',
  regencyCode: '36.03',
  status: 'active',
  diedOn: null,
  mergedInto: null,
};
const today = '2025-12-01';

let nextCase = 0;
const newCaseId = () => `0193f1c2-7a5b-7c3d-8e9f-1${String((nextCase += 1)).padStart(11, '0')}`;

/** A measurement with the anthropometry lib's verdicts: height-for-age and weight-for-height class codes. */
const measured = (
  n: number,
  measuredOn: string,
  heightForAge: string | null,
  weightForHeight: string | null = 'normal',
  extra: Partial<MeasurementFacts> = {},
): MeasurementFacts => ({
  measurementId: `0193f1c2-7a5b-7c3d-8e9f-${String(n).padStart(12, '0')}`,
  measuredOn,
  status: 'recorded',
  heightForAge: { code: heightForAge, flagged: false },
  weightForHeight: { code: weightForHeight, flagged: false },
  oedema: false,
  weightGain: null,
  bgm: null,
  ...extra,
});
const voided = (m: MeasurementFacts): MeasurementFacts => ({ ...m, status: 'voided' });

const review: CaseFileTrigger = { type: 'ReviewMeasurements' };

/** Given the child's measurements and cases, when something happens: the case events decided. */
const given = (measurements: readonly MeasurementFacts[], cases: readonly KnownCase[] = [], who = child) => ({
  when: (trigger: CaseFileTrigger, on = today): CaseDecision[] =>
    decideCaseFile({ child: who, measurements, cases }, trigger, { today: on, newCaseId }),
});

/** The cases the decisions leave, as the event store would fold them. */
const casesAfter = (decisions: readonly CaseDecision[], before: readonly KnownCase[] = []): KnownCase[] => {
  const cases = new Map<string, Case>(before.map((c) => [c.caseId, c]));
  for (const { caseId, event } of decisions) cases.set(caseId, evolveCase(cases.get(caseId) ?? initialCase, event));
  return [...cases.values()] as KnownCase[];
};
const types = (decisions: readonly CaseDecision[]) => decisions.map((d) => d.event.type);

describe('case rules of one child', () => {
  describe('opening', () => {
    it('opens a moderate stunting case from a stunted measurement, where the child lives, dated by the measurement', () => {
      const m1 = measured(1, '2025-03-10', 'stunted');
      const [decision, ...more] = given([m1]).when(review);
      expect(more).toEqual([]);
      expect(decision.event).toEqual({
        type: 'case.opened',
        data: {
          caseId: decision.caseId,
          childId,
          type: 'stunting',
          severity: 'moderate',
          urgent: false,
          triggeringMeasurementId: m1.measurementId,
          openedOn: '2025-03-10',
          regencyCode: '36.03',
          districtCode: '36.03.20',
          villageCode: '36.03.20.2002',
        },
      });
    });

    it.each([
      ['severely stunted child', measured(1, '2025-03-10', 'severely_stunted'), 'stunting', 'severe', false],
      ['wasted child', measured(1, '2025-03-10', 'normal', 'wasted'), 'wasting', 'moderate', false],
      ['severely wasted child', measured(1, '2025-03-10', 'normal', 'severely_wasted'), 'wasting', 'severe', true],
      ['child with oedema', measured(1, '2025-03-10', 'normal', null, { oedema: true }), 'wasting', 'severe', true],
    ])('opens a case for a %s with its severity and urgency', (_, m, type, severity, urgent) => {
      const [decision] = given([m]).when(review);
      expect(decision.event.data).toMatchObject({ type, severity, urgent });
    });

    it('opens a stunting and a wasting case when one measurement shows both', () => {
      const decisions = given([measured(1, '2025-03-10', 'stunted', 'wasted')]).when(review);
      expect(decisions.map((d) => (d.event.data as { type: string }).type).sort()).toEqual(['stunting', 'wasting']);
    });

    it('opens nothing from a flagged (implausible) value, nor from a normal one', () => {
      const flagged = measured(1, '2025-03-10', 'severely_stunted', 'severely_wasted', {
        heightForAge: { code: 'severely_stunted', flagged: true },
        weightForHeight: { code: 'severely_wasted', flagged: true },
      });
      expect(given([flagged]).when(review)).toEqual([]);
      expect(given([measured(2, '2025-03-10', 'normal')]).when(review)).toEqual([]);
    });

    it('keeps one open case per child and type', () => {
      const m1 = measured(1, '2025-03-10', 'stunted');
      const open = casesAfter(given([m1]).when(review));
      expect(given([m1, measured(2, '2025-04-10', 'severely_stunted')], open).when(review)).toEqual([]);
    });

    it('opens nothing for a child who died or was merged', () => {
      const m1 = measured(1, '2025-03-10', 'stunted');
      expect(given([m1], [], { ...child, status: 'died', diedOn: '2025-04-01' }).when(review)).toEqual([]);
      expect(given([m1], [], { ...child, status: 'merged', mergedInto: 'x' }).when(review)).toEqual([]);
    });
  });

  describe('closing from later measurements', () => {
    const m1 = measured(1, '2025-03-10', 'stunted');
    const open = casesAfter(given([m1]).when(review));
    const [stunting] = open;

    it('closes as recovered when a later valid measurement is back at or above −2', () => {
      const m2 = measured(2, '2025-06-10', 'normal');
      const [decision] = given([m1, m2], open).when(review);
      expect(decision.event).toEqual({
        type: 'case.closed',
        data: {
          caseId: stunting.caseId,
          childId,
          type: 'stunting',
          reason: 'recovered',
          closedOn: '2025-06-10',
          measurementId: m2.measurementId,
          regencyCode: '36.03',
        },
      });
    });

    it('is not closed by a flagged value, nor by an older measurement uploaded late', () => {
      const flagged = measured(2, '2025-06-10', 'normal', 'normal', {
        heightForAge: { code: 'normal', flagged: true },
      });
      expect(given([m1, flagged], open).when(review)).toEqual([]);
      expect(given([m1, measured(3, '2025-01-10', 'normal')], open).when(review)).toEqual([]);
    });

    it('does not reopen from an older stunted measurement uploaded after the recovery', () => {
      const m2 = measured(2, '2025-06-10', 'normal');
      const recovered = casesAfter(given([m1, m2], open).when(review), open);
      expect(given([m1, m2, measured(3, '2025-05-01', 'stunted')], recovered).when(review)).toEqual([]);
    });

    it('opens a new case when the child is stunted again after recovering', () => {
      const m2 = measured(2, '2025-06-10', 'normal');
      const recovered = casesAfter(given([m1, m2], open).when(review), open);
      const m3 = measured(3, '2025-09-10', 'stunted');
      const [decision] = given([m1, m2, m3], recovered).when(review);
      expect(decision.event).toMatchObject({
        type: 'case.opened',
        data: { triggeringMeasurementId: m3.measurementId },
      });
      expect(decision.caseId).not.toBe(stunting.caseId);
    });
  });

  describe('re-evaluating after a correction or a void', () => {
    const m1 = measured(1, '2025-03-10', 'stunted');
    const open = casesAfter(given([m1]).when(review));
    const [stunting] = open;

    it('closes as measurement_withdrawn when the triggering measurement is voided', () => {
      expect(given([voided(m1)], open).when(review)).toEqual([
        {
          caseId: stunting.caseId,
          event: {
            type: 'case.closed',
            data: {
              caseId: stunting.caseId,
              childId,
              type: 'stunting',
              reason: 'measurement_withdrawn',
              closedOn: today,
              measurementId: m1.measurementId,
              regencyCode: '36.03',
            },
          },
        },
      ]);
    });

    it('closes as measurement_withdrawn when the triggering measurement is corrected to normal or to a flagged value', () => {
      const corrected = measured(1, '2025-03-10', 'normal');
      expect(given([corrected], open).when(review)[0].event.data).toMatchObject({ reason: 'measurement_withdrawn' });
      const implausible = measured(1, '2025-03-10', 'severely_stunted', 'normal', {
        heightForAge: { code: 'severely_stunted', flagged: true },
      });
      expect(given([implausible], open).when(review)[0].event.data).toMatchObject({ reason: 'measurement_withdrawn' });
    });

    it('keeps the case open when a later measurement still shows it', () => {
      expect(given([voided(m1), measured(2, '2025-05-10', 'stunted')], open).when(review)).toEqual([]);
    });

    it('closes as recovered, not withdrawn, when the trigger is gone but the case was shown before a recovery', () => {
      const m2 = measured(2, '2025-05-10', 'stunted');
      const m3 = measured(3, '2025-07-10', 'normal');
      expect(given([voided(m1), m2, m3], open).when(review)[0].event.data).toMatchObject({
        reason: 'recovered',
        measurementId: m3.measurementId,
      });
    });

    it('opens a new case when the measurement a recovery rested on is voided', () => {
      const m2 = measured(2, '2025-06-10', 'normal');
      const recovered = casesAfter(given([m1, m2], open).when(review), open);
      const [decision] = given([m1, voided(m2)], recovered).when(review);
      expect(decision.event).toMatchObject({
        type: 'case.opened',
        data: { triggeringMeasurementId: m1.measurementId },
      });
    });
  });

  describe('the end of the balita years', () => {
    const endOfBalita = agesOutOn(child.birthDate);
    const m1 = measured(1, '2025-03-10', 'stunted');
    const open = casesAfter(given([m1]).when(review));

    it('closes open cases as aged_out on the day the child completes 60 months, not before', () => {
      expect(given([m1], open).when({ type: 'SweepAgedOut' }, addDays(endOfBalita, -1))).toEqual([]);
      expect(given([m1], open).when({ type: 'SweepAgedOut' }, addDays(endOfBalita, 3))[0].event.data).toMatchObject({
        reason: 'aged_out',
        closedOn: endOfBalita,
        measurementId: null,
      });
    });

    it('opens and closes at once a case from a late measurement of a child already aged out, then no more', () => {
      const late = measured(2, addDays(endOfBalita, -20), 'stunted');
      const decisions = given([late]).when(review, addDays(endOfBalita, 10));
      expect(types(decisions)).toEqual(['case.opened', 'case.closed']);
      expect(decisions[1].event.data).toMatchObject({ reason: 'aged_out', closedOn: endOfBalita });
      const aged = casesAfter(decisions);
      expect(given([late, measured(3, addDays(endOfBalita, -10), 'stunted')], aged).when(review)).toEqual([]);
    });

    it('ignores measurements taken after the child completed 60 months', () => {
      expect(given([measured(2, addDays(endOfBalita, 5), 'stunted')]).when(review, addDays(endOfBalita, 6))).toEqual(
        [],
      );
    });
  });

  describe('identity events', () => {
    const m1 = measured(1, '2025-03-10', 'stunted', 'wasted');
    const open = casesAfter(given([m1]).when(review));

    it('closes every open case when the child dies, on the day of death', () => {
      const decisions = given([m1], open).when({ type: 'RecordDeath', data: { diedOn: '2025-05-02' } });
      expect(decisions.map((d) => d.event.data)).toEqual(
        open.map((c) => expect.objectContaining({ caseId: c.caseId, reason: 'died', closedOn: '2025-05-02' })),
      );
    });

    it('closes as aged_out rather than died when the child had completed 60 months before dying', () => {
      const diedOn = addDays(agesOutOn(child.birthDate), 2);
      const decisions = given([m1], open).when({ type: 'RecordDeath', data: { diedOn } }, addDays(diedOn, 1));
      expect(decisions.map((d) => (d.event.data as { reason: string }).reason)).toEqual(['aged_out', 'aged_out']);
    });

    it('closes every open case of a record merged into another as merged', () => {
      const decisions = given([m1], open).when({ type: 'RecordMerge', data: { mergedOn: '2025-05-03' } });
      expect(decisions.map((d) => d.event.data)).toEqual(
        open.map(() => expect.objectContaining({ reason: 'merged', closedOn: '2025-05-03' })),
      );
    });

    it('transfers open cases to the TPPS of another regency, keeping the regencies they were followed in', () => {
      const move = {
        movedOn: '2025-05-04',
        regencyCode: '36.04',
        districtCode: '36.04.23',
        villageCode: '36.04.23.2015',
      };
      const decisions = given([m1], open).when({ type: 'RecordRelocation', data: move });
      expect(decisions.map((d) => d.event)).toEqual(
        open.map((c) => ({
          type: 'case.transferred',
          data: {
            caseId: c.caseId,
            childId,
            fromRegencyCode: '36.03',
            toRegencyCode: '36.04',
            toDistrictCode: '36.04.23',
            toVillageCode: '36.04.23.2015',
            transferredOn: '2025-05-04',
          },
        })),
      );
      expect(casesAfter(decisions, open).map((c) => c.regencyHistory)).toEqual([
        ['36.03', '36.04'],
        ['36.03', '36.04'],
      ]);
    });

    it('transfers nothing for a move within the regency', () => {
      const move = {
        movedOn: '2025-05-04',
        regencyCode: '36.03',
        districtCode: '36.03.20',
        villageCode: '36.03.20.2003',
      };
      expect(given([m1], open).when({ type: 'RecordRelocation', data: move })).toEqual([]);
    });
  });

  it('decides only events that match their published contracts', () => {
    const m1 = measured(1, '2025-03-10', 'severely_stunted', 'severely_wasted');
    const opened = given([m1]).when(review);
    const open = casesAfter(opened);
    const all = [
      ...opened,
      ...given([voided(m1)], open).when(review),
      ...given([m1], open).when({ type: 'RecordDeath', data: { diedOn: '2025-05-02' } }),
      ...given([m1], open).when({
        type: 'RecordRelocation',
        data: { movedOn: '2025-05-04', regencyCode: '36.04', districtCode: '36.04.23', villageCode: '36.04.23.2015' },
      }),
    ];
    expect(new Set(types(all))).toEqual(new Set(['case.opened', 'case.closed', 'case.transferred']));
    for (const { event } of all) expect(() => assertEventContract(event.type, event.data)).not.toThrow();
  });
});
