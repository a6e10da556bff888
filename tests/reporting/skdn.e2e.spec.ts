import { todayInIndonesia, TopicByService } from '@registry/contracts';
import { randomUUID } from 'node:crypto';
import {
  evolveWeighings,
  isBgm,
  judgeWeightGains,
  type Weighing,
  type WeighingChange,
} from '@registry/growth-monitoring';
import { loadGrowthStandards } from '@registry/reference-data';
import {
  balitaBirthMonths,
  earliestBalitaBirthDateIn,
  isBalitaIn,
  skdnCountsByPlace,
  type SkdnWeighing,
} from '@registry/reporting-domain';
import { waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, places, registration, tokenFor, type Client } from '../support/registry';

/** The day the expected assessments are made on, as the services judge them: today in Indonesia. */
const TODAY = { today: todayInIndonesia(new Date()) };

const standards = loadGrowthStandards();
const BORN = '2024-01-15';
const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04'];
/** Where the posyandu's weighings of Tangerang are taken: the children's desa. */
const VILLAGE_OF_POSYANDU = places.tangerang.villageCode;

/** What the test sent, folded by the domain libraries: the SKDN the registry must answer. */
class Posyandu {
  private readonly weighings = new Map<string, ReadonlyMap<string, Weighing>>();
  /** Where and for whom each measurement was taken, and its BGM by the WHO tables. */
  private readonly facts = new Map<string, { childId: string; posyanduCode: string; bgm: boolean }>();
  private readonly mergedInto = new Map<string, string>();

  record(childId: string, measurementId: string, measuredOn: string, weightKg: number, posyanduCode: string): void {
    this.facts.set(measurementId, { childId, posyanduCode, bgm: bgmOf(measuredOn, weightKg) });
    this.change(childId, { type: 'recorded', measurementId, measuredOn, weightKg });
  }

  correct(measurementId: string, measuredOn: string, weightKg: number): void {
    const fact = this.facts.get(measurementId)!;
    this.facts.set(measurementId, { ...fact, bgm: bgmOf(measuredOn, weightKg) });
    this.change(fact.childId, { type: 'corrected', measurementId, measuredOn, weightKg });
  }

  void(measurementId: string): void {
    this.change(this.facts.get(measurementId)!.childId, { type: 'voided', measurementId });
  }

  merge(childId: string, intoChildId: string): void {
    this.mergedInto.set(childId, intoChildId);
  }

  /** Each surviving child's weighings judged on the union of its records', as SKDN counts them. */
  skdnWeighings(): SkdnWeighing[] {
    const children = new Map<string, Weighing[]>();
    for (const [childId, weighings] of this.weighings) {
      const survivor = this.mergedInto.get(childId) ?? childId;
      children.set(survivor, [...(children.get(survivor) ?? []), ...weighings.values()]);
    }
    return [...children].flatMap(([childId, weighings]) => {
      const judged = judgeWeightGains(BORN, weighings);
      return weighings.map((weighing): SkdnWeighing => {
        const { posyanduCode, bgm } = this.facts.get(weighing.measurementId)!;
        const gain = judged.get(weighing.measurementId)!;
        return {
          measurementId: weighing.measurementId,
          childId,
          measuredOn: weighing.measuredOn,
          birthDate: BORN,
          regencyCode: '',
          districtCode: '',
          villageCode: '',
          puskesmasCode: '',
          posyanduCode,
          judgement: gain.judgement,
          consecutiveT: gain.consecutiveT,
          bgm,
        };
      });
    });
  }

  /** The expected rows of one posyandu, month by month: D, N, T, 2T, O, B, BGM. */
  expected(posyanduCode: string): Record<string, unknown> {
    const weighings = this.skdnWeighings();
    return Object.fromEntries(
      MONTHS.map((month) => [month, skdnCountsByPlace(weighings, month, (w) => w.posyanduCode).get(posyanduCode)]),
    );
  }

  private change(childId: string, change: WeighingChange): void {
    this.weighings.set(childId, evolveWeighings(this.weighings.get(childId) ?? new Map(), change));
  }
}

const bgmOf = (measuredOn: string, weightKg: number): boolean => {
  const { zScores, flags } = standards.assess(
    {
      sex: 'male',
      birthDate: BORN,
      measuredOn,
      weightKg,
      heightCm: 76,
      position: 'lying',
      oedema: false,
    },
    TODAY,
  );
  return isBgm(zScores.weightForAge, flags.weightForAge);
};

/**
 * SKDN through the public APIs: weighings over four months at a posyandu of this run's own, with a correction of
 * last month's weight, a void, a merge of two records weighed in the same month, a move to another kabupaten and a
 * child below the red line. Every count must be what the domain libraries compute from the raw weighings sent, as
 * known now and as known before the correction (`asOf`); and the kept counts must equal the exact path.
 */
describe('reporting: SKDN per posyandu and month', () => {
  const run = randomUUID().slice(0, 8);
  const posyandu = `PSY-E2E-${run}`;
  const serangPosyandu = `PSY-E2E-${run}-S`;
  let identity: Client;
  let intake: Client;
  let reporting: Client;
  let serangIntake: Client;
  let serangReporting: Client;

  beforeAll(async () => {
    const token = await tokenFor('tpps', places.tangerang.regencyCode);
    identity = clientOf('identity', { token });
    intake = clientOf('intake', { token });
    reporting = clientOf('reporting', { token });
    const serang = await tokenFor('tpps', places.serang.regencyCode);
    serangIntake = clientOf('intake', { token: serang });
    serangReporting = clientOf('reporting', { token: serang });
  });

  const caughtUp = async () => {
    await waitForRelay('identity');
    await waitForRelay('intake');
    await waitForCaughtUp('intake', { 'known-children': [TopicByService.identity] });
    await waitForCaughtUp('reporting', {
      'reporting-children': [TopicByService.identity],
      'reporting-skdn': [TopicByService.identity, TopicByService.intake],
    });
  };
  const skdn = async (client: Client, query: string) => {
    const { status, body } = await client.get(`/v1/reports/skdn?${query}`);
    expect(status).toBe(200);
    return body.rows as Array<Record<string, number | string | null>>;
  };
  const countsOf = (row: Record<string, unknown> | undefined) =>
    row && { weighed: row.weighed, n: row.n, t: row.t, twoT: row.twoT, o: row.o, b: row.b, bgm: row.bgm };
  const reported = async (client: Client, code: string, asOf?: string) =>
    Object.fromEntries(
      await Promise.all(
        MONTHS.map(async (month) => {
          const rows = await skdn(
            client,
            `period=${month}&groupBy=posyandu&posyanduCode=${code}${asOf ? `&asOf=${asOf}` : ''}`,
          );
          return [month, countsOf(rows.find((row) => row.code === code))];
        }),
      ),
    );
  const residentsOf = async (month: string, asOf?: string) =>
    Number(
      (
        await skdn(
          reporting,
          `period=${month}&groupBy=village&regionCode=${places.tangerang.villageCode}${asOf ? `&asOf=${asOf}` : ''}`,
        )
      )[0]?.k ?? 0,
    );

  it('counts D, N, T, 2T, O, B and BGM as the domain computes them, now and as known before a correction', async () => {
    await caughtUp();
    const residentsBefore = await residentsOf('2025-03');
    const expected = new Posyandu();
    const children: Record<string, string> = {};
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) {
      const { status, body } = await identity.post('/v1/children', registration({ sex: 'male', birthDate: BORN }));
      expect(status).toBe(201);
      children[name] = body.id;
    }
    const ids: Record<string, string> = {};
    const weigh = async (
      client: Client,
      name: string,
      label: string,
      measuredOn: string,
      kg: number,
      code = posyandu,
    ) => {
      const { status, body } = await client.post('/v1/measurements', {
        childId: children[name],
        measuredOn,
        weightKg: kg,
        heightCm: 76,
        position: 'lying',
        puskesmasCode: 'P3603200101',
        posyanduCode: code,
      });
      expect(status).toBe(201);
      ids[label] = body.id;
      expected.record(children[name], body.id, measuredOn, kg, code);
    };

    // Given four months of weighings at the posyandu
    await weigh(intake, 'a', 'a1', '2025-01-20', 8.0);
    await weigh(intake, 'a', 'a2', '2025-02-18', 8.3);
    await weigh(intake, 'a', 'a3', '2025-03-17', 8.35);
    await weigh(intake, 'a', 'a4', '2025-04-14', 8.4);
    await weigh(intake, 'b', 'b2', '2025-02-18', 8.0);
    await weigh(intake, 'b', 'b4', '2025-04-14', 8.2);
    await weigh(intake, 'c', 'c1', '2025-01-20', 8.0);
    await weigh(intake, 'c', 'c2', '2025-02-10', 8.2);
    await weigh(intake, 'd', 'd2', '2025-02-25', 8.4);
    await weigh(intake, 'd', 'd3', '2025-03-17', 8.5);
    await weigh(intake, 'e', 'e1', '2025-01-20', 8.0);
    await weigh(intake, 'e', 'e2', '2025-02-18', 8.3);
    await weigh(intake, 'e', 'e3', '2025-03-17', 8.5);
    await weigh(intake, 'f', 'f1', '2025-01-20', 6.0);
    await weigh(intake, 'f', 'f2', '2025-02-18', 6.1);
    await weigh(intake, 'g', 'g1', '2025-01-20', 8.0);
    await caughtUp();
    const beforeCorrections = new Date().toISOString();
    const expectedThen = expected.expected(posyandu);
    expect(expectedThen['2025-04']).toMatchObject({ t: 1, twoT: 1 });
    expect(await reported(reporting, posyandu)).toEqual(expectedThen);

    // When last month's weight is corrected, a weighing voided, two records merged and a child moves
    await new Promise((resolve) => setTimeout(resolve, 5)); // an instant strictly after beforeCorrections
    const corrected = await intake.post(`/v1/measurements/${ids['a3']}/corrections`, { weightKg: 8.6, reason: 'tare' });
    expect(corrected.status).toBe(200);
    expected.correct(ids['a3'], '2025-03-17', 8.6);
    expect((await intake.post(`/v1/measurements/${ids['e2']}/void`, { reason: 'wrong child' })).status).toBe(200);
    expected.void(ids['e2']);
    const merged = await identity.post(`/v1/children/${children['d']}/merge`, {
      intoChildId: children['c'],
      reason: 'registered twice',
    });
    expect(merged.body).toMatchObject({ status: 'merged', mergedInto: children['c'] });
    expected.merge(children['d'], children['c']);
    const moved = await identity.post(`/v1/children/${children['g']}/relocations`, {
      villageCode: places.serang.villageCode,
      movedOn: '2025-02-01',
    });
    expect(moved.status).toBe(201);
    await caughtUp();
    await weigh(serangIntake, 'g', 'g2', '2025-02-18', 8.3, serangPosyandu);
    await caughtUp();

    // Then each month is counted as the domain computes it from what was sent, the merged child once a month
    expect(await reported(reporting, posyandu)).toEqual(expected.expected(posyandu));
    // … the moved child where it was weighed: January here, February in Serang
    expect(await reported(serangReporting, serangPosyandu)).toEqual(expected.expected(serangPosyandu));
    // … and as known before the corrections, what was answered then
    expect(await reported(reporting, posyandu, beforeCorrections)).toEqual(expectedThen);

    // K counts the balita living in the desa now: the merged record and the child who moved are not among them
    const living = Object.keys(children).filter((name) => name !== 'd' && name !== 'g');
    expect((await residentsOf('2025-03')) - residentsBefore).toBe(isBalitaIn(BORN, '2025-03') ? living.length : 0);

    // … while one posyandu's rows, even per desa, have no residents of their own: S and K are null
    const [ownDesa] = await skdn(reporting, `period=2025-03&groupBy=village&posyanduCode=${posyandu}`);
    expect(ownDesa).toMatchObject({ code: VILLAGE_OF_POSYANDU, s: null, k: null, ds: null });

    // The kept counts and the exact path agree for the whole kabupaten, per desa and per posyandu
    const asOf = new Date().toISOString();
    for (const groupBy of ['village', 'posyandu']) {
      const kept = await skdn(reporting, `period=2025-02&groupBy=${groupBy}`);
      expect(kept).toEqual(await skdn(reporting, `period=2025-02&groupBy=${groupBy}&asOf=${asOf}`));
    }
  });

  it('counts in K and D the children born at the edge of the balita years as isBalitaIn does, kept and as of now', async () => {
    // One month whose earliest balita was born on a month's first day, one whose earliest was born on its second:
    // the kept counts split birth months by their first day, so both cases are asked.
    const months = ['2025-02', '2025-03'];
    expect(months.map((month) => balitaBirthMonths(month).partial === null).sort()).toEqual([false, true]);
    const children = months.flatMap((month) =>
      [-1, 0, 1].map((offset) => ({
        month,
        birthDate: new Date(Date.parse(`${earliestBalitaBirthDateIn(month)}T00:00:00Z`) + offset * 86_400_000)
          .toISOString()
          .slice(0, 10),
      })),
    );
    const village = async (month: string, asOf?: string) => {
      const rows = await skdn(
        reporting,
        `period=${month}&groupBy=village&regionCode=${places.tangerang.villageCode}${asOf ? `&asOf=${asOf}` : ''}`,
      );
      return { k: Number(rows[0]?.k ?? 0), weighed: Number(rows[0]?.weighed ?? 0) };
    };
    await caughtUp();
    const before = new Date().toISOString();
    const counted = await Promise.all(months.map((month) => village(month, before)));

    // Given children born a day before, on and a day after each month's earliest balita birth date, each weighed on
    // the 20th of that month (past 59 months then for all three: intake takes weighings up to 1856 days)
    for (const child of children) {
      const registered = await identity.post(
        '/v1/children',
        registration({ sex: 'female', birthDate: child.birthDate }),
      );
      expect(registered.status).toBe(201);
      await caughtUp();
      const weighed = await intake.post('/v1/measurements', {
        childId: registered.body.id,
        measuredOn: `${child.month}-20`,
        weightKg: 16.5,
        heightCm: 108,
        position: 'standing',
        puskesmasCode: 'P3603200101',
      });
      expect(weighed.status).toBe(201);
    }
    await caughtUp();

    // Then each month's K grows by the children isBalitaIn takes as balita in it, and its D by those of them weighed
    // in it, on the kept and on the exact path
    const expected = months.map((month) => ({
      k: children.filter((c) => isBalitaIn(c.birthDate, month)).length,
      weighed: children.filter((c) => c.month === month && isBalitaIn(c.birthDate, month)).length,
    }));
    expect(expected.map((e) => e.weighed)).toEqual([2, 2]);
    const now = new Date().toISOString();
    for (const [i, month] of months.entries()) {
      for (const asOf of [undefined, now]) {
        const { k, weighed } = await village(month, asOf);
        expect({ month, asOf, k: k - counted[i].k, weighed: weighed - counted[i].weighed }).toEqual({
          month,
          asOf,
          ...expected[i],
        });
      }
    }
  });

  it('refuses a period that is not a month, naming the field', async () => {
    const { status, body } = await reporting.get('/v1/reports/skdn?period=2025');
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain('period must be a month like 2026-08');
  });
});
