import { TopicByService } from '@registry/contracts';
import { waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, places, tokenFor, type Client } from '../support/registry';
import { databaseOf } from '../support/services';
import {
  addDays,
  caseTrackerCaughtUp,
  completedMonths,
  daysAgo,
  daysBetween,
  registryOf,
  today,
  valuesFor,
  type Child,
} from './interventions-fixtures';

/** The fields of a listed case these tests read; the rest is asserted as answered. */
interface CaseItem {
  readonly id: string;
  readonly type: string;
  readonly closedOn: string;
  readonly child: { readonly agesOutOn: string };
}

describe('intervention tracking: cases driven by measurements and identity events (real PostgreSQL and Kafka)', () => {
  let identity: Client;
  let intake: Client;
  let cases: Client;
  let serangCases: Client;
  let registry: ReturnType<typeof registryOf>;
  const caughtUp = caseTrackerCaughtUp;

  /** The child's cases as its TPPS lists them. */
  const casesOf = async (child: Child, client: Client = cases, query = ''): Promise<CaseItem[]> => {
    const { status, body } = await client.get(`/v1/cases?childId=${child.id}${query}`);
    expect(status).toBe(200);
    return body.items;
  };

  beforeAll(async () => {
    const token = await tokenFor('tpps', places.tangerang.regencyCode);
    identity = clientOf('identity', { token });
    intake = clientOf('intake', { token });
    cases = clientOf('interventions', { token });
    serangCases = clientOf('interventions', { token: await tokenFor('tpps', places.serang.regencyCode) });
    registry = registryOf(identity, intake);
  });

  it('opens a stunting case from a stunted measurement, keeps one per child and type, and closes it on recovery', async () => {
    const child = await registry.register(daysAgo(400));
    const first = await registry.measure(child, daysAgo(90), { heightForAge: 'stunted' });
    await caughtUp();
    const [opened, ...others] = await casesOf(child);
    expect(others).toEqual([]);
    expect(opened).toMatchObject({
      childId: child.id,
      type: 'stunting',
      severity: 'moderate',
      urgent: false,
      status: 'open',
      openedOn: first.measuredOn,
      triggeringMeasurementId: first.id,
      regencyCode: places.tangerang.regencyCode,
      daysOpen: daysBetween(first.measuredOn, today()),
      child: { villageCode: places.tangerang.villageCode },
    });

    await registry.measure(child, daysAgo(60), { heightForAge: 'severely_stunted' });
    await caughtUp();
    expect((await casesOf(child)).map((c) => c.id)).toEqual([opened.id]);

    const recovery = await registry.measure(child, daysAgo(30), { heightForAge: 'normal' });
    await caughtUp();
    const { body: closed } = await cases.get(`/v1/cases/${opened.id}`);
    expect(closed).toMatchObject({
      status: 'closed',
      closeReason: 'recovered',
      closedOn: recovery.measuredOn,
      closingMeasurementId: recovery.id,
      daysOpen: daysBetween(first.measuredOn, recovery.measuredOn),
      overdue: [],
    });
  });

  it('opens nothing from a flagged (implausible) measurement', async () => {
    const child = await registry.register(daysAgo(400));
    const { status, body } = await intake.post('/v1/measurements', {
      childId: child.id,
      measuredOn: daysAgo(10),
      heightCm: 50,
      weightKg: 9,
      position: 'lying',
      puskesmasCode: 'P3603200101',
    });
    expect(status).toBe(201);
    expect(body.flags.heightForAge).toBe(true);
    await caughtUp();
    expect(await casesOf(child)).toEqual([]);
  });

  it('opens an urgent severe wasting case for oedema, overdue until the management of gizi buruk is delivered', async () => {
    const child = await registry.register(daysAgo(400));
    const measured = await registry.measure(child, daysAgo(10), {}, { oedema: true });
    await caughtUp();
    const [wasting, ...others] = await casesOf(child, cases, '&urgent=true');
    expect(others).toEqual([]);
    expect(wasting).toMatchObject({ type: 'wasting', severity: 'severe', urgent: true, openedOn: measured.measuredOn });
    const overdue = (await cases.get('/v1/cases/overdue')).body.items.find((c: { id: string }) => c.id === wasting.id);
    expect(overdue.overdue).toEqual([
      { kind: 'urgent_item_not_delivered', type: 'severe_malnutrition_care', dueOn: daysAgo(3) },
    ]);

    const delivered = await cases.post('/v1/interventions', {
      childId: child.id,
      type: 'severe_malnutrition_care',
      status: 'delivered',
      deliveredOn: daysAgo(1),
      provider: 'DINKES',
      quantity: 1,
      unit: 'kunjungan',
      fundingSource: 'APBD',
    });
    expect(delivered.status).toBe(201);
    expect(delivered.body.caseId).toBe(wasting.id);
    const overdueIds = (await cases.get('/v1/cases/overdue')).body.items.map((c: { id: string }) => c.id);
    expect(overdueIds).not.toContain(wasting.id);
    const { body: view } = await cases.get(`/v1/cases/${wasting.id}`);
    expect(view.package.items.find((i: { type: string }) => i.type === 'severe_malnutrition_care')).toMatchObject({
      status: 'delivered',
      interventionId: delivered.body.id,
      on: daysAgo(1),
    });
  });

  it('lists as overdue an open case whose child has not been measured for more than 30 days', async () => {
    const child = await registry.register(daysAgo(400));
    const measured = await registry.measure(child, daysAgo(40), { heightForAge: 'stunted' });
    await caughtUp();
    const [stunting] = await casesOf(child);
    const overdue = (await cases.get('/v1/cases/overdue')).body.items.find((c: { id: string }) => c.id === stunting.id);
    expect(overdue.overdue).toEqual([{ kind: 'not_measured', lastMeasuredOn: measured.measuredOn }]);
  });

  it('closes the case as measurement_withdrawn when its measurement is voided or corrected away', async () => {
    const voidedChild = await registry.register(daysAgo(400));
    const voided = await registry.measure(voidedChild, daysAgo(20), { heightForAge: 'stunted' });
    const correctedChild = await registry.register(daysAgo(400));
    const corrected = await registry.measure(correctedChild, daysAgo(20), { heightForAge: 'stunted' });
    await caughtUp();
    expect(await casesOf(voidedChild)).toHaveLength(1);
    expect(await casesOf(correctedChild)).toHaveLength(1);

    expect((await intake.post(`/v1/measurements/${voided.id}/void`, { reason: 'wrong child' })).status).toBe(200);
    const { body: fixed } = await intake.post(`/v1/measurements/${corrected.id}/corrections`, {
      ...valuesFor(correctedChild, corrected.measuredOn, {}),
      reason: 'misread board',
    });
    expect([fixed.classifications.heightForAge.code, fixed.classifications.weightForHeight.code]).toEqual([
      'normal',
      'normal',
    ]);
    await caughtUp();
    for (const [child, measurement] of [
      [voidedChild, voided],
      [correctedChild, corrected],
    ] as const) {
      expect(await casesOf(child)).toEqual([
        expect.objectContaining({
          status: 'closed',
          closeReason: 'measurement_withdrawn',
          closingMeasurementId: measurement.id,
          closedOn: today(),
        }),
      ]);
    }
  });

  it('closes the cases of a child who died, and of a record merged into another', async () => {
    const died = await registry.register(daysAgo(400));
    await registry.measure(died, daysAgo(20), { heightForAge: 'stunted', weightForHeight: 'wasted' });
    const duplicate = await registry.register(daysAgo(400));
    await registry.measure(duplicate, daysAgo(20), { heightForAge: 'stunted' });
    const survivor = await registry.register(daysAgo(400));
    await caughtUp();
    expect((await casesOf(died)).map((c) => c.type).sort()).toEqual(['stunting', 'wasting']);

    expect((await identity.post(`/v1/children/${died.id}/death`, { diedOn: daysAgo(2) })).status).toBe(201);
    const merged = await identity.post(`/v1/children/${duplicate.id}/merge`, {
      intoChildId: survivor.id,
      reason: 'registered twice',
    });
    expect(merged.status).toBe(200);
    await caughtUp();
    expect(await casesOf(died)).toEqual([
      expect.objectContaining({ status: 'closed', closeReason: 'died', closedOn: daysAgo(2) }),
      expect.objectContaining({ status: 'closed', closeReason: 'died', closedOn: daysAgo(2) }),
    ]);
    expect(await casesOf(duplicate)).toEqual([
      expect.objectContaining({ status: 'closed', closeReason: 'merged', closedOn: today() }),
    ]);
  });

  it('transfers an open case to the TPPS of the kabupaten the child moves to; the old one keeps its history', async () => {
    const child = await registry.register(daysAgo(400));
    await registry.measure(child, daysAgo(20), { heightForAge: 'stunted' });
    await caughtUp();
    const [before] = await casesOf(child);
    expect(await casesOf(child, serangCases)).toEqual([]);
    expect((await serangCases.get(`/v1/cases/${before.id}`)).status).toBe(404);

    const moved = await identity.post(`/v1/children/${child.id}/relocations`, {
      villageCode: places.serang.villageCode,
      movedOn: daysAgo(1),
    });
    expect(moved.status).toBe(201);
    await caughtUp();
    expect(await casesOf(child, serangCases, '&status=open')).toEqual([
      expect.objectContaining({
        id: before.id,
        regencyCode: places.serang.regencyCode,
        regencyHistory: [places.tangerang.regencyCode, places.serang.regencyCode],
        child: expect.objectContaining({ villageCode: places.serang.villageCode }),
      }),
    ]);
    expect(await casesOf(child, cases, '&status=open')).toEqual([]);
    expect((await casesOf(child, cases, '&status=transferred')).map((c) => c.id)).toEqual([before.id]);
    const history = await cases.get(`/v1/cases/${before.id}`);
    expect(history.status).toBe(200);
    expect(history.body.regencyCode).toBe(places.serang.regencyCode);
    expect((await cases.get(`/v1/cases?regencyCode=${places.serang.regencyCode}`)).status).toBe(404);
  });

  it('closes as aged_out, on the day it completes 60 months, the case of a child measured just before', async () => {
    const child = await registry.register(daysAgo(1840));
    const measured = await registry.measure(child, daysAgo(30), { heightForAge: 'stunted' });
    expect(completedMonths(child.birthDate, measured.measuredOn)).toBeLessThan(60);
    await caughtUp();
    const [aged] = await casesOf(child);
    expect(aged).toMatchObject({ status: 'closed', closeReason: 'aged_out', openedOn: measured.measuredOn });
    expect(aged.closedOn).toBe(aged.child.agesOutOn);
    expect(completedMonths(child.birthDate, aged.closedOn)).toBe(60);
    expect(completedMonths(child.birthDate, addDays(aged.closedOn, -1))).toBe(59);
  });

  it('sweeps aged-out cases for an admin only', async () => {
    const admin = clientOf('interventions', { token: await tokenFor('admin') });
    const swept = await admin.post('/v1/cases:sweep', {});
    expect(swept.status).toBe(200);
    expect(swept.body).toMatchObject({ asOf: today(), closed: expect.any(Array) });
    expect((await admin.post('/v1/cases:sweep', {})).body.closed).toEqual([]);
    expect((await cases.post('/v1/cases:sweep', {})).status).toBe(403);
  });

  it('publishes its case and intervention events, keyed by child, to the reporting timeline', async () => {
    const child = await registry.register(daysAgo(400));
    await registry.measure(child, daysAgo(5), { heightForAge: 'stunted' });
    await caughtUp();
    const [opened] = await casesOf(child);
    const { body: delivered } = await cases.post('/v1/interventions', {
      childId: child.id,
      type: 'vitamin_a',
      status: 'delivered',
      deliveredOn: daysAgo(1),
      provider: 'DINKES',
      quantity: 1,
      unit: 'kapsul',
      fundingSource: 'APBD',
    });
    await waitForRelay('interventions', 20_000, await databaseOf('interventions'));
    await waitForCaughtUp(
      'reporting',
      { 'reporting-timeline': [TopicByService.identity, TopicByService.intake, TopicByService.interventions] },
      20_000,
      await databaseOf('reporting'),
    );
    const reporting = clientOf('reporting', { token: await tokenFor('tpps', places.tangerang.regencyCode) });
    const { body } = await reporting.get(`/v1/children/${child.id}/timeline`);
    const ours = body.events.filter((e: { source: string }) => e.source === 'interventions');
    expect(ours).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'case.opened', data: expect.objectContaining({ caseId: opened.id }) }),
        expect.objectContaining({
          type: 'intervention.delivered',
          data: expect.objectContaining({ interventionId: delivered.id, caseId: opened.id }),
        }),
      ]),
    );
    const streams = [`case-${opened.id}`, `intervention-${delivered.id}`];
    expect(body.verification.filter((v: { streamId: string }) => streams.includes(v.streamId))).toEqual(
      streams.map((streamId) => expect.objectContaining({ streamId, ok: true })),
    );
  });
});
