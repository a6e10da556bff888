import { type JudgedMeasurement, todayInIndonesia, TopicByService } from '@registry/contracts';
// The follow-up of 2T and BGM (issue #26), driven through the public intake API and read from the interventions API.
import { isBgm, judgeWeightGains, kbmGramsAt, type Weighing } from '@registry/growth-monitoring';
import {
  CASE_TYPES,
  findingOf,
  MEASUREMENT_OVERDUE_AFTER_DAYS,
  measurementFactsOf,
  requiredTypes,
} from '@registry/interventions-domain';
import { loadGrowthStandards } from '@registry/reference-data';
import { waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, places, tokenFor, type Client } from '../support/registry';
import { databaseOf } from '../support/services';
import {
  caseTrackerCaughtUp,
  completedMonths,
  daysAgo,
  daysBetween,
  registryOf,
  today,
  type Child,
} from './interventions-fixtures';

/** The day the expected assessments are made on, as the services judge them: today in Indonesia. */
const TODAY = { today: todayInIndonesia(new Date()) };

const standards = loadGrowthStandards();

/** The 10th of the month `back` calendar months before this one: consecutive months, all in the past. */
const tenthOfMonthsBack = (back: number): string => {
  const [year, month] = today().split('-').map(Number);
  return new Date(Date.UTC(year, month - 1 - back, 10)).toISOString().slice(0, 10);
};

const positionOf = (child: Child, measuredOn: string) =>
  daysBetween(child.birthDate, measuredOn) < 731 ? ('lying' as const) : ('standing' as const);

/**
 * The height and weight the WHO standards put nearest the median for this child on that day, found by asking the
 * anthropometry lib: no class boundary is near, so two flat months change no class and open no other case.
 */
function medianValues(child: Child, measuredOn: string): { heightCm: number; weightKg: number } {
  const z = (heightCm: number, weightKg: number) =>
    standards.assess(
      {
        sex: child.sex,
        birthDate: child.birthDate,
        measuredOn,
        heightCm,
        weightKg,
        position: positionOf(child, measuredOn),
      },
      TODAY,
    ).zScores;
  const nearest = (values: number[], distance: (value: number) => number) =>
    values.reduce((best, value) => (distance(value) < distance(best) ? value : best));
  const range = (from: number, to: number, step: number) =>
    Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 10) / 10);
  const heightCm = nearest(range(60, 95, 0.5), (h) => Math.abs(z(h, 10).heightForAge ?? 99));
  const weightKg = nearest(range(6, 15, 0.1), (w) => Math.abs(z(heightCm, w).weightForHeight ?? 99));
  return { heightCm, weightKg };
}

/** Whether the growth-monitoring lib puts this weight below the KMS red line (BGM) for this child on that day. */
function belowRedLine(child: Child, measuredOn: string, heightCm: number, grams: number): boolean {
  const { zScores, flags } = standards.assess(
    {
      sex: child.sex,
      birthDate: child.birthDate,
      measuredOn,
      heightCm,
      weightKg: grams / 1000,
      position: positionOf(child, measuredOn),
    },
    TODAY,
  );
  return isBgm(zScores.weightForAge, flags.weightForAge);
}

/** The heaviest weight in grams, to the 10 g intake keeps, for which `holds` is true: searched down from 25 kg. */
function heaviest(holds: (grams: number) => boolean): number {
  for (let grams = 25_000; grams >= 1_000; grams -= 10) if (holds(grams)) return grams;
  throw new Error('no weight holds');
}

/** The lightest weight in grams from `fromGrams` on, to the 10 g intake keeps, for which `holds` is true. */
function lightestFrom(fromGrams: number, holds: (grams: number) => boolean): number {
  for (let grams = fromGrams; grams <= 25_000; grams += 10) if (holds(grams)) return grams;
  throw new Error(`no weight from ${fromGrams} g holds`);
}

describe('follow-up of 2T and BGM: opened by the 2T or BGM weighing, listed overdue, closed by the next N', () => {
  let intake: Client;
  let cases: Client;
  let registry: ReturnType<typeof registryOf>;

  beforeAll(async () => {
    const token = await tokenFor('tpps', places.tangerang.regencyCode);
    intake = clientOf('intake', { token });
    cases = clientOf('interventions', { token });
    registry = registryOf(clientOf('identity', { token }), intake);
  });

  /** Weighs the child as a posyandu would (the first day's height, this weight); answers intake's measurement. */
  const weigh = async (child: Child, measuredOn: string, heightCm: number, weightKg: number) => {
    const { status, body } = await intake.post('/v1/measurements', {
      childId: child.id,
      measuredOn,
      heightCm,
      weightKg,
      position: positionOf(child, measuredOn),
      puskesmasCode: 'P3603200101',
    });
    expect(status).toBe(201);
    return body as JudgedMeasurement & {
      id: string;
      weightGain: { judgement: string; consecutiveT: number };
      bgm: boolean;
    };
  };

  const followUpsOf = async (child: Child) => {
    const { status, body } = await cases.get(`/v1/cases?childId=${child.id}`);
    expect(status).toBe(200);
    return body.items as Array<Record<string, unknown> & { id: string; type: string }>;
  };

  /** Intake learns of a child from identity's topic: weighed at once, it may not know it yet. */
  const intakeKnowsChildren = async () => {
    await waitForRelay('identity', 20_000, await databaseOf('identity'));
    await waitForCaughtUp(
      'intake',
      { 'known-children': [TopicByService.identity] },
      30_000,
      await databaseOf('intake'),
    );
  };

  /** Three months at one weight: B, T, then T again (2T), as the growth-monitoring lib judges them. */
  async function twoT(child: Child) {
    await intakeKnowsChildren();
    const days = [4, 3, 2].map(tenthOfMonthsBack);
    const { heightCm, weightKg } = medianValues(child, days[0]);
    const weighings = [];
    for (const day of days) weighings.push(await weigh(child, day, heightCm, weightKg));
    const expected = judgeWeightGains(
      child.birthDate,
      weighings.map((w): Weighing => ({ measurementId: w.id, measuredOn: w.measuredOn, weightKg })),
    );
    expect(weighings.map((w) => w.weightGain)).toEqual(weighings.map((w) => expected.get(w.id)));
    expect(weighings.map((w) => [w.weightGain.judgement, w.weightGain.consecutiveT])).toEqual([
      ['B', 0],
      ['T', 1],
      ['T', 2],
    ]);
    await caseTrackerCaughtUp();
    return { weighings, heightCm, weightKg };
  }

  it('opens the follow-up at the 2T weighing, lists it overdue with its package lacking, and closes it at the next N', async () => {
    const child = await registry.register(daysAgo(420));
    const { weighings, heightCm, weightKg } = await twoT(child);
    const referral = weighings[2];
    const [followUp, ...others] = await followUpsOf(child);
    expect(others).toEqual([]);
    expect(followUp).toMatchObject({
      type: 'growth_faltering',
      severity: 'moderate',
      urgent: false,
      status: 'open',
      openedOn: referral.measuredOn,
      triggeringMeasurementId: referral.id,
    });

    // Weighed last more than 30 days ago, with nothing of the package given: overdue, every item lacking.
    expect(daysBetween(referral.measuredOn, today())).toBeGreaterThan(MEASUREMENT_OVERDUE_AFTER_DAYS);
    const package_ = requiredTypes('growth_faltering', 'moderate', completedMonths(child.birthDate, today()));
    const overdue = (await cases.get('/v1/cases/overdue')).body.items.find((c: { id: string }) => c.id === followUp.id);
    expect(overdue).toMatchObject({
      overdue: [{ kind: 'not_measured', lastMeasuredOn: referral.measuredOn }],
      lacking: package_.map((entry) => entry.code),
    });

    // The next month the child gains its KBM: N, and the follow-up closes, recovered.
    const nextMonth = tenthOfMonthsBack(1);
    const kbmGrams = kbmGramsAt(completedMonths(child.birthDate, nextMonth))!;
    const gained = await weigh(child, nextMonth, heightCm, (weightKg * 1000 + kbmGrams) / 1000);
    expect(gained.weightGain).toMatchObject({ judgement: 'N', consecutiveT: 0 });
    await caseTrackerCaughtUp();
    const { body: closed } = await cases.get(`/v1/cases/${followUp.id}`);
    expect(closed).toMatchObject({
      status: 'closed',
      closeReason: 'recovered',
      closedOn: nextMonth,
      closingMeasurementId: gained.id,
      overdue: [],
    });
    const overdueIds = (await cases.get('/v1/cases/overdue')).body.items.map((c: { id: string }) => c.id);
    expect(overdueIds).not.toContain(followUp.id);
  });

  it('withdraws the follow-up when a correction of the month before turns its 2T into N', async () => {
    const child = await registry.register(daysAgo(420));
    const { weighings, weightKg } = await twoT(child);
    const [opened] = await followUpsOf(child);
    expect(opened).toMatchObject({ type: 'growth_faltering', status: 'open' });

    // The month before the referral was misread: it weighed a KBM less, so the referral's month gained it.
    const before = weighings[1];
    const kbmGrams = kbmGramsAt(completedMonths(child.birthDate, weighings[2].measuredOn))!;
    const corrected = await intake.post(`/v1/measurements/${before.id}/corrections`, {
      weightKg: (weightKg * 1000 - kbmGrams) / 1000,
      reason: 'misread scale',
    });
    expect(corrected.status).toBe(200);
    const { body: history } = await intake.get(`/v1/children/${child.id}/measurements`);
    const referral = history.items.find((m: { id: string }) => m.id === weighings[2].id);
    expect(referral.weightGain).toMatchObject({ judgement: 'N', consecutiveT: 0 });
    await caseTrackerCaughtUp();
    expect(await followUpsOf(child)).toEqual([
      expect.objectContaining({
        id: opened.id,
        status: 'closed',
        closeReason: 'measurement_withdrawn',
        closedOn: today(),
      }),
    ]);
  });

  /** The case types the interventions domain finds in this weighing: what its cases should be, computed not listed. */
  const caseTypesOf = (weighing: JudgedMeasurement) =>
    CASE_TYPES.filter((type) => findingOf(measurementFactsOf(weighing, 'recorded'), type).kind === 'case');

  it('opens a severe follow-up at a weighing below the red line, keeps it open at an N still below, and closes it at the first N above', async () => {
    const child = await registry.register(daysAgo(420));
    await intakeKnowsChildren();
    const days = [3, 2, 1].map(tenthOfMonthsBack);
    const { heightCm } = medianValues(child, days[0]);
    const kbmGrams = days.map((day) => kbmGramsAt(completedMonths(child.birthDate, day))!);
    // Below the red line in the first month, and still below it a KBM heavier the next; then a KBM or more heavier
    // and above it: B, N, N as the growth-monitoring lib judges them, BGM, BGM, not.
    const grams = [
      heaviest(
        (g) => belowRedLine(child, days[0], heightCm, g) && belowRedLine(child, days[1], heightCm, g + kbmGrams[1]),
      ),
    ];
    grams.push(grams[0] + kbmGrams[1]);
    grams.push(lightestFrom(grams[1] + kbmGrams[2], (g) => !belowRedLine(child, days[2], heightCm, g)));

    // Given the child's first weighing, below the red line
    const first = await weigh(child, days[0], heightCm, grams[0] / 1000);
    expect(first).toMatchObject({ bgm: true, weightGain: { judgement: 'B', consecutiveT: 0 } });
    await caseTrackerCaughtUp();

    // Then a severe follow-up opens at it, not urgent; BGM is no diagnosis, and the same weighing opens the stunting
    // or wasting case its z-scores show, beside it and not instead of it
    const opened = await followUpsOf(child);
    expect(opened.map((c) => c.type).sort()).toEqual([...caseTypesOf(first)].sort());
    expect(opened.map((c) => c.type)).toContain('growth_faltering');
    const followUp = opened.find((c) => c.type === 'growth_faltering')!;
    expect(followUp).toMatchObject({
      severity: 'severe',
      urgent: false,
      status: 'open',
      openedOn: first.measuredOn,
      triggeringMeasurementId: first.id,
    });

    // And, weighed last more than 30 days ago with nothing given, it is overdue with its whole package lacking
    expect(daysBetween(first.measuredOn, today())).toBeGreaterThan(MEASUREMENT_OVERDUE_AFTER_DAYS);
    const package_ = requiredTypes('growth_faltering', 'severe', completedMonths(child.birthDate, today()));
    const overdue = (await cases.get('/v1/cases/overdue')).body.items.find((c: { id: string }) => c.id === followUp.id);
    expect(overdue).toMatchObject({
      overdue: [{ kind: 'not_measured', lastMeasuredOn: first.measuredOn }],
      lacking: package_.map((entry) => entry.code),
    });

    // When the next month it gains its KBM but is still below the red line
    const stillBelow = await weigh(child, days[1], heightCm, grams[1] / 1000);
    expect(stillBelow).toMatchObject({ bgm: true, weightGain: { judgement: 'N', consecutiveT: 0 } });
    await caseTrackerCaughtUp();

    // Then the follow-up stays open: BGM speaks before the gain
    const { body: kept } = await cases.get(`/v1/cases/${followUp.id}`);
    expect(kept).toMatchObject({ status: 'open', severity: 'severe', triggeringMeasurementId: first.id });

    // When the month after it gains its KBM again and is above the red line
    const above = await weigh(child, days[2], heightCm, grams[2] / 1000);
    expect(above).toMatchObject({ bgm: false, weightGain: { judgement: 'N', consecutiveT: 0 } });
    const weighings = [first, stillBelow, above];
    const expected = judgeWeightGains(
      child.birthDate,
      weighings.map((w, i): Weighing => ({ measurementId: w.id, measuredOn: w.measuredOn, weightKg: grams[i] / 1000 })),
    );
    expect(weighings.map((w) => w.weightGain)).toEqual(weighings.map((w) => expected.get(w.id)));
    await caseTrackerCaughtUp();

    // Then the follow-up closes, recovered, dated by that weighing, and is no longer overdue
    const { body: closed } = await cases.get(`/v1/cases/${followUp.id}`);
    expect(closed).toMatchObject({
      status: 'closed',
      closeReason: 'recovered',
      closedOn: above.measuredOn,
      closingMeasurementId: above.id,
      overdue: [],
    });
    const followUps = (await followUpsOf(child)).filter((c) => c.type === 'growth_faltering');
    expect(followUps.map((c) => c.id)).toEqual([followUp.id]);
    const overdueIds = (await cases.get('/v1/cases/overdue')).body.items.map((c: { id: string }) => c.id);
    expect(overdueIds).not.toContain(followUp.id);
  });

  it('withdraws the follow-up, and every case the weighing opened, when the weighing below the red line is voided', async () => {
    const child = await registry.register(daysAgo(420));
    await intakeKnowsChildren();
    const day = tenthOfMonthsBack(1);
    const { heightCm } = medianValues(child, day);

    // Given a weighing below the red line that opened a severe follow-up
    const bgm = await weigh(child, day, heightCm, heaviest((g) => belowRedLine(child, day, heightCm, g)) / 1000);
    expect(bgm.bgm).toBe(true);
    await caseTrackerCaughtUp();
    const opened = await followUpsOf(child);
    expect(opened.map((c) => c.type).sort()).toEqual([...caseTypesOf(bgm)].sort());
    expect(opened).toContainEqual(
      expect.objectContaining({
        type: 'growth_faltering',
        severity: 'severe',
        status: 'open',
        triggeringMeasurementId: bgm.id,
      }),
    );

    // When it is voided
    const voided = await intake.post(`/v1/measurements/${bgm.id}/void`, { reason: 'recorded for the wrong child' });
    expect(voided.status).toBe(200);
    await caseTrackerCaughtUp();

    // Then nothing shows any of its cases any more: each is withdrawn today, naming the weighing that opened it
    expect(await followUpsOf(child)).toEqual(
      opened.map((c) =>
        expect.objectContaining({
          id: c.id,
          status: 'closed',
          closeReason: 'measurement_withdrawn',
          closedOn: today(),
          closingMeasurementId: bgm.id,
        }),
      ),
    );
  });
});
