import { todayInIndonesia } from '@registry/contracts';
import {
  evolveWeighings,
  isBgm,
  judgeWeightGains,
  type Weighing,
  type WeighingChange,
} from '@registry/growth-monitoring';
import { loadGrowthStandards } from '@registry/reference-data';
import { serviceDb, waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, places, registration, tokenFor, type Client } from '../support/registry';

/** The day the expected assessments are made on, as the services judge them: today in Indonesia. */
const TODAY = { today: todayInIndonesia(new Date()) };

const standards = loadGrowthStandards();
const BORN = '2024-01-15';

/**
 * The posyandu's judgements through the public API, over several months: each answer's N/T/O/B, gain, KBM, run of T
 * and BGM must be what the growth-monitoring library computes from the raw weighings sent, and a correction, void,
 * merge or unmerge that changes a weighing's judgement must be told in a new event, the earlier ones left as they
 * were.
 */
describe('intake: weight gain (N/T/O/B, 2T) and BGM through the public API', () => {
  let identity: Client;
  let intake: Client;
  const intakeDb = serviceDb('intake');

  beforeAll(async () => {
    const token = await tokenFor('tpps', places.tangerang.regencyCode);
    identity = clientOf('identity', { token });
    intake = clientOf('intake', { token });
  });
  afterAll(() => intakeDb.end());

  const registerChild = async () => {
    const { status, body } = await identity.post('/v1/children', registration({ sex: 'male', birthDate: BORN }));
    expect(status).toBe(201);
    return body.id as string;
  };
  const visit = (childId: string, measuredOn: string, weightKg: number) => ({
    childId,
    measuredOn,
    weightKg,
    heightCm: 76,
    position: 'lying',
    puskesmasCode: 'P3603200101',
  });

  /** The raw weighings as sent, folded by the domain library: the expected judgements. */
  class Expected {
    private weighings: ReadonlyMap<string, Weighing> = new Map();
    apply(change: WeighingChange): void {
      this.weighings = evolveWeighings(this.weighings, change);
    }
    judged() {
      return judgeWeightGains(BORN, this.weighings.values());
    }
  }

  const eventsOf = async (measurementId: string) =>
    (
      await intakeDb.query<{ type: string; data: { weightGain?: unknown } }>(
        'SELECT type, data FROM es_events WHERE stream_id = $1 ORDER BY stream_version',
        [`measurement-${measurementId}`],
      )
    ).rows;

  it('judges each month against the last, retells later months after a correction and a void', async () => {
    const childId = await registerChild();
    const expected = new Expected();
    const ids: Record<string, string> = {};

    // Given monthly weighings, one at a time and two of them (one month weighed twice) in a batch
    const record = async (label: string, measuredOn: string, weightKg: number) => {
      const { status, body } = await intake.post('/v1/measurements', visit(childId, measuredOn, weightKg));
      expect(status).toBe(201);
      ids[label] = body.id;
      expected.apply({ type: 'recorded', measurementId: body.id, measuredOn, weightKg });
      expect(body.weightGain).toEqual(expected.judged().get(body.id));
      return body;
    };
    expect((await record('jan', '2025-01-20', 8.0)).weightGain.judgement).toBe('B');
    expect((await record('feb', '2025-02-18', 8.3)).weightGain).toMatchObject({ judgement: 'N', gainGrams: 300 });
    expect((await record('mar', '2025-03-17', 8.5)).weightGain).toMatchObject({ judgement: 'N', kbmGrams: 200 });
    const april: Array<[string, number]> = [
      ['2025-04-05', 8.6],
      ['2025-04-25', 8.55],
    ];
    const batch = await intake.post('/v1/measurements:batch', {
      items: april.map(([measuredOn, weightKg]) => visit(childId, measuredOn, weightKg)),
    });
    expect(batch.status).toBe(200);
    april.forEach(([measuredOn, weightKg], i) => {
      const { id } = batch.body.results[i].measurement;
      ids[measuredOn] = id;
      expected.apply({ type: 'recorded', measurementId: id, measuredOn, weightKg });
    });
    for (const { measurement } of batch.body.results)
      expect(measurement.weightGain).toEqual(expected.judged().get(measurement.id));
    expect((await record('may', '2025-05-19', 8.6)).weightGain).toMatchObject({ judgement: 'T', gainGrams: 50 });

    // When February's weight is corrected upwards (last month's, for March)
    const corrected = await intake.post(`/v1/measurements/${ids['feb']}/corrections`, {
      weightKg: 8.45,
      reason: 'scale was not tared',
    });
    expect(corrected.status).toBe(200);
    expected.apply({ type: 'corrected', measurementId: ids['feb'], measuredOn: '2025-02-18', weightKg: 8.45 });
    const afterCorrection = expected.judged();
    expect(corrected.body.weightGain).toEqual(afterCorrection.get(ids['feb']));
    // Then March, N when recorded, is T now: told in a new event, the recording left as it was
    expect(afterCorrection.get(ids['mar'])).toMatchObject({ judgement: 'T', gainGrams: 50 });
    expect(await eventsOf(ids['mar'])).toEqual([
      expect.objectContaining({
        type: 'measurement.recorded',
        data: expect.objectContaining({ weightGain: expect.objectContaining({ judgement: 'N' }) }),
      }),
      {
        type: 'measurement.weight-gain-rejudged',
        data: expect.objectContaining({ weightGain: afterCorrection.get(ids['mar']) }),
      },
    ]);
    // … and the run of T grows through April and May: 2T and 3T
    expect(afterCorrection.get(ids['2025-04-25'])).toMatchObject({ judgement: 'T', consecutiveT: 2 });
    expect(afterCorrection.get(ids['may'])).toMatchObject({ judgement: 'T', consecutiveT: 3 });

    // When March is voided: April was not weighed after a weighed month, so it is O, and May's run starts again
    expect((await intake.post(`/v1/measurements/${ids['mar']}/void`, { reason: 'wrong child' })).status).toBe(200);
    expected.apply({ type: 'voided', measurementId: ids['mar'] });
    const afterVoid = expected.judged();
    expect(afterVoid.get(ids['2025-04-25'])).toMatchObject({ judgement: 'O' });
    expect(afterVoid.get(ids['may'])).toMatchObject({ judgement: 'T', consecutiveT: 1 });
    const mayEvents = await eventsOf(ids['may']);
    expect(mayEvents.map((event) => event.type)).toEqual([
      'measurement.recorded',
      'measurement.weight-gain-rejudged',
      'measurement.weight-gain-rejudged',
    ]);
    expect(mayEvents[2].data.weightGain).toEqual(afterVoid.get(ids['may']));

    // Then the child's history holds every measurement with its judgement as it stands now
    const history = await intake.get(`/v1/children/${childId}/measurements`);
    const recorded = history.body.items.filter((item: { status: string }) => item.status === 'recorded');
    expect(recorded).toHaveLength(afterVoid.size);
    for (const item of recorded) expect(item.weightGain).toEqual(afterVoid.get(item.id));
  });

  it('judges a merged child on the union of both records’ weighings', async () => {
    // Given a child registered twice, weighed in January under one record and in February under the other
    const [survivor, duplicate] = [await registerChild(), await registerChild()];
    const expected = new Expected();
    for (const [childId, measuredOn, weightKg] of [
      [survivor, '2025-01-20', 8.0],
      [duplicate, '2025-02-18', 8.3],
    ] as const) {
      const { body } = await intake.post('/v1/measurements', visit(childId, measuredOn, weightKg));
      expect(body.weightGain.judgement).toBe('B');
      expected.apply({ type: 'recorded', measurementId: body.id, measuredOn, weightKg });
    }

    // When the records are merged and the child is weighed in March
    const merged = await identity.post(`/v1/children/${duplicate}/merge`, {
      intoChildId: survivor,
      reason: 'registered twice',
    });
    expect(merged.body).toMatchObject({ status: 'merged', mergedInto: survivor });
    await waitForRelay('identity');
    await waitForCaughtUp('intake', { 'known-children': ['registry.child.v1'] });
    const { body: march } = await intake.post('/v1/measurements', visit(survivor, '2025-03-17', 8.4));
    expected.apply({ type: 'recorded', measurementId: march.id, measuredOn: '2025-03-17', weightKg: 8.4 });

    // Then March is judged against February's weighing of the other record, not O
    expect(march.weightGain).toEqual(expected.judged().get(march.id));
    expect(march.weightGain).toMatchObject({ judgement: 'T', gainGrams: 100 });
    // … and February, B when recorded under the duplicate, was judged again at the merge against January: N
    const { body: history } = await intake.get(`/v1/children/${survivor}/measurements`);
    for (const item of history.items) expect(item.weightGain).toEqual(expected.judged().get(item.id));
    const february = history.items.find((item: { measuredOn: string }) => item.measuredOn === '2025-02-18');
    expect(february.weightGain).toMatchObject({ judgement: 'N', gainGrams: 300 });
    expect((await eventsOf(february.id)).map((event) => event.type)).toEqual([
      'measurement.recorded',
      'measurement.weight-gain-rejudged',
    ]);

    // When the records are parted again, February is the duplicate's first weighing once more: B
    const unmerged = await identity.post(`/v1/children/${duplicate}/unmerge`, { reason: 'two children after all' });
    expect(unmerged.body).toMatchObject({ status: 'active' });
    await waitForRelay('identity');
    await waitForCaughtUp('intake', { 'known-children': ['registry.child.v1'] });
    const { body: parted } = await intake.get(`/v1/children/${duplicate}/measurements`);
    expect(parted.items.map((item: { weightGain: { judgement: string } }) => item.weightGain.judgement)).toEqual(['B']);
  });

  it('keeps judging a child that moved to another kabupaten on its weighings from before the move', async () => {
    // Given a child weighed in January and February in Tangerang
    const childId = await registerChild();
    const expected = new Expected();
    const weighed: { id: string; villageCode: string }[] = [];
    for (const [measuredOn, weightKg] of [
      ['2025-01-20', 8.0],
      ['2025-02-18', 8.5],
    ] as const) {
      const { status, body } = await intake.post('/v1/measurements', visit(childId, measuredOn, weightKg));
      expect(status).toBe(201);
      expected.apply({ type: 'recorded', measurementId: body.id, measuredOn, weightKg });
      weighed.push(body);
    }

    // When it moves to Serang and Serang's TPPS weighs it in March
    const moved = await identity.post(`/v1/children/${childId}/relocations`, {
      villageCode: places.serang.villageCode,
      movedOn: '2025-03-01',
    });
    expect(moved.status).toBe(201);
    await waitForRelay('identity');
    await waitForCaughtUp('intake', { 'known-children': ['registry.child.v1'] });
    const serang = clientOf('intake', { token: await tokenFor('tpps', places.serang.regencyCode) });
    const { status, body: march } = await serang.post('/v1/measurements', visit(childId, '2025-03-17', 8.6));
    expect(status).toBe(201);
    expected.apply({ type: 'recorded', measurementId: march.id, measuredOn: '2025-03-17', weightKg: 8.6 });

    // Then March is judged against February (not O, as for a child new to Serang), and each weighing keeps the desa
    // it was made in: the whole history (read nationally) is Tangerang's two and Serang's one; Serang's TPPS reads
    // the weighings made in Serang.
    expect(march.weightGain).toEqual(expected.judged().get(march.id));
    expect(march.weightGain).toMatchObject({ judgement: 'T', gainGrams: 100 });
    const national = clientOf('intake', { token: await tokenFor('admin') });
    const { body: history } = await national.get(`/v1/children/${childId}/measurements`);
    expect(history.items.map((item: { villageCode: string }) => item.villageCode)).toEqual([
      places.tangerang.villageCode,
      places.tangerang.villageCode,
      places.serang.villageCode,
    ]);
    for (const item of history.items) expect(item.weightGain).toEqual(expected.judged().get(item.id));
    const { body: serangsOwn } = await serang.get(`/v1/children/${childId}/measurements`);
    expect(serangsOwn.items.map((item: { id: string }) => item.id)).toEqual([march.id]);
    // Tangerang's TPPS no longer finds the child: it lives in Serang now.
    expect((await intake.get(`/v1/children/${childId}/measurements`)).status).toBe(404);
    expect(weighed.map((item) => item.villageCode)).toEqual([
      places.tangerang.villageCode,
      places.tangerang.villageCode,
    ]);
  });

  it('marks BGM by the WHO weight-for-age of the raw values', async () => {
    const childId = await registerChild();
    for (const weightKg of [6.2, 8.6]) {
      const { body } = await intake.post('/v1/measurements', visit(childId, '2025-06-10', weightKg));
      const { zScores, flags } = standards.assess(
        {
          sex: 'male',
          birthDate: BORN,
          measuredOn: '2025-06-10',
          weightKg,
          heightCm: 76,
          position: 'lying',
          oedema: false,
        },
        TODAY,
      );
      expect(body.bgm).toBe(isBgm(zScores.weightForAge, flags.weightForAge));
    }
    const { body } = await intake.get(`/v1/children/${childId}/measurements`);
    expect(body.items.map((item: { bgm: boolean }) => item.bgm)).toEqual([true, false]);
  });
});
