import { todayInIndonesia, TopicByService } from '@registry/contracts';
import { loadGrowthStandards } from '@registry/reference-data';
import { incidenceByPlace, type ClassedMeasurement, type IncidenceCounts } from '@registry/reporting-domain';
import { waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, places, registration, tokenFor, type Client } from '../support/registry';

/** The day the expected assessments are made on, as the services judge them: today in Indonesia. */
const TODAY = { today: todayInIndonesia(new Date()) };

const standards = loadGrowthStandards();
const BORN = '2024-01-15';
const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04'];
const VILLAGE = places.tangerang.villageCode;

/** A length as the WHO tables class it, for this run's boys. */
const classed = (measuredOn: string, heightCm: number) =>
  standards.assess(
    {
      sex: 'male',
      birthDate: BORN,
      measuredOn,
      weightKg: 9,
      heightCm,
      position: 'lying',
      oedema: false,
    },
    TODAY,
  );

/** What the test sent, as incidenceByPlace (reporting-domain) reads it. */
class Sent {
  private readonly measurements = new Map<string, ClassedMeasurement & { record: string }>();
  private readonly mergedInto = new Map<string, string>();

  record(record: string, measurementId: string, measuredOn: string, heightCm: number): void {
    const { classifications, flags } = classed(measuredOn, heightCm);
    expect(flags.heightForAge).toBe(false);
    this.measurements.set(measurementId, {
      measurementId,
      record,
      childId: record,
      measuredOn,
      place: VILLAGE,
      cls: classifications.heightForAge!.code,
    });
  }

  correct(measurementId: string, heightCm: number): void {
    const held = this.measurements.get(measurementId)!;
    this.record(held.record, measurementId, held.measuredOn, heightCm);
  }

  merge(record: string, into: string): void {
    this.mergedInto.set(record, into);
  }

  expected(): Record<string, IncidenceCounts | undefined> {
    const measurements = [...this.measurements.values()].map((m) => ({
      ...m,
      childId: this.mergedInto.get(m.record) ?? m.record,
    }));
    return Object.fromEntries(
      MONTHS.map((month) => [month, incidenceByPlace('stunting', measurements, month).get(VILLAGE)]),
    );
  }
}

/**
 * Incidence through the public APIs: children who become stunted, one who was stunted from the first measurement,
 * recovers and becomes stunted again, an onset corrected away, and an onset only a merge reveals (the earlier
 * measurement under one record, the later under the other). The desa's counts must move by what the domain library
 * computes from the lengths sent, now and as known before the correction, on both the kept and the exact path.
 */
describe('reporting: stunting incidence beside prevalence', () => {
  let identity: Client;
  let intake: Client;
  let reporting: Client;

  beforeAll(async () => {
    const token = await tokenFor('tpps', places.tangerang.regencyCode);
    identity = clientOf('identity', { token });
    intake = clientOf('intake', { token });
    reporting = clientOf('reporting', { token });
  });

  const caughtUp = async () => {
    await waitForRelay('identity');
    await waitForRelay('intake');
    await waitForCaughtUp('intake', { 'known-children': [TopicByService.identity] });
    await waitForCaughtUp('reporting', { 'reporting-skdn': [TopicByService.identity, TopicByService.intake] });
  };
  /** The desa's counts per month; the exact path (asOf) must agree with the kept counts when given now. */
  const desa = async (asOf?: string) =>
    Object.fromEntries(
      await Promise.all(
        MONTHS.map(async (month) => {
          const query = `period=${month}&groupBy=village&regionCode=${VILLAGE}${asOf ? `&asOf=${asOf}` : ''}`;
          const { status, body } = await reporting.get(`/v1/reports/stunting-incidence?${query}`);
          expect(status).toBe(200);
          const row = body.rows.find((r: { code: string }) => r.code === VILLAGE);
          return [month, { atRisk: row?.atRisk ?? 0, newCases: row?.newCases ?? 0 }];
        }),
      ),
    );
  const moved = (
    before: Record<string, IncidenceCounts>,
    after: Record<string, IncidenceCounts>,
  ): Record<string, IncidenceCounts | undefined> =>
    Object.fromEntries(
      MONTHS.map((month) => {
        const atRisk = after[month].atRisk - before[month].atRisk;
        const newCases = after[month].newCases - before[month].newCases;
        return [month, atRisk === 0 && newCases === 0 ? undefined : { atRisk, newCases }];
      }),
    );

  it('counts the children who became stunted as the domain computes it, now and asOf', async () => {
    await caughtUp();
    const before = await desa();
    const sent = new Sent();
    const children: Record<string, string> = {};
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      const { body } = await identity.post('/v1/children', registration({ sex: 'male', birthDate: BORN }));
      children[name] = body.id;
    }
    const ids: Record<string, string> = {};
    const measure = async (name: string, measuredOn: string, heightCm: number) => {
      const { status, body } = await intake.post('/v1/measurements', {
        childId: children[name],
        measuredOn,
        weightKg: 9,
        heightCm,
        position: 'lying',
        puskesmasCode: 'P3603200101',
      });
      expect(status).toBe(201);
      ids[`${name}:${measuredOn}`] = body.id;
      sent.record(children[name], body.id, measuredOn, heightCm);
    };
    // Given lengths month by month: a falls below −2 in March; b is stunted from the first, recovers, falls again;
    // c falls in February; e's one measurement (below −2) belongs to d, measured normal in January
    for (const [measuredOn, cm] of [
      ['2025-01-20', 76],
      ['2025-02-18', 74],
      ['2025-03-17', 70],
    ] as const)
      await measure('a', measuredOn, cm);
    for (const [measuredOn, cm] of [
      ['2025-01-20', 69],
      ['2025-02-18', 70],
      ['2025-03-17', 78],
      ['2025-04-14', 71],
    ] as const)
      await measure('b', measuredOn, cm);
    await measure('c', '2025-01-20', 76);
    await measure('c', '2025-02-18', 70.5);
    await measure('d', '2025-01-20', 76);
    await measure('e', '2025-02-18', 70);
    await caughtUp();
    const then = new Date().toISOString();
    const expectedThen = sent.expected();
    expect(expectedThen['2025-02']?.newCases).toBeGreaterThan(0);
    expect(moved(before, await desa())).toEqual(expectedThen);

    // When c's February length is corrected and e is merged into d
    await new Promise((resolve) => setTimeout(resolve, 5)); // an instant strictly after `then`
    const corrected = await intake.post(`/v1/measurements/${ids['c:2025-02-18']}/corrections`, {
      heightCm: 76.5,
      reason: 'child was not lying straight',
    });
    expect(corrected.status).toBe(200);
    sent.correct(ids['c:2025-02-18'], 76.5);
    const merged = await identity.post(`/v1/children/${children['e']}/merge`, {
      intoChildId: children['d'],
      reason: 'registered twice',
    });
    expect(merged.body).toMatchObject({ status: 'merged' });
    sent.merge(children['e'], children['d']);
    await caughtUp();

    // Then the desa's counts moved by what the domain computes now, and asOf `then` by what it computed then
    const now = await desa();
    expect(moved(before, now)).toEqual(sent.expected());
    expect(moved(before, await desa(then))).toEqual(expectedThen);
    expect(await desa(new Date().toISOString())).toEqual(now);

    // … and the trend shows the kabupaten's new cases beside its prevalence, month by month
    const { body: trend } = await reporting.get(`/v1/reports/trend?regionCode=${VILLAGE}&from=2025-01&to=2025-04`);
    expect(
      Object.fromEntries(
        trend.series.map((m: { month: string; atRisk: number; newlyStunted: number }) => [
          m.month,
          { atRisk: m.atRisk, newCases: m.newlyStunted },
        ]),
      ),
    ).toEqual(now);
  });

  it('refuses an unknown grouping, naming the field', async () => {
    const { status, body } = await reporting.get('/v1/reports/wasting-incidence?period=2025&groupBy=rt');
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('groupBy must be regency, district, village, puskesmas, posyandu');
  });
});
