import { todayInIndonesia, TopicByService, uuidV7 } from '@registry/contracts';
import { RETRY_AFTER_SECONDS } from '@registry/intake-domain';
import { loadGrowthStandards } from '@registry/reference-data';
import { waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, places, registration, tokenFor, type Client } from '../support/registry';

/** The day the expected assessments are made on, as the services judge them: today in Indonesia. */
const TODAY = { today: todayInIndonesia(new Date()) };

const standards = loadGrowthStandards();
/** A UUIDv7 of 1984 no registry ever minted: an unknown child. */
const OLD_UNKNOWN_CHILD = '01a20000-0000-7000-8000-000000000000';

describe('intake service: measurements over HTTP (real PostgreSQL and Kafka)', () => {
  let identity: Client;
  let intake: Client;
  let foreignIntake: Client;

  const registerChild = async (overrides: Record<string, unknown> = {}) => {
    const { status, body } = await identity.post(
      '/v1/children',
      registration({ sex: 'male', birthDate: '2024-01-15', ...overrides }),
    );
    expect(status).toBe(201);
    return body.id as string;
  };
  const visit = (childId: string, overrides: Record<string, unknown> = {}) => ({
    childId,
    measuredOn: '2025-07-15',
    weightKg: 8.1,
    heightCm: 72.0,
    position: 'lying',
    puskesmasCode: 'P3603200101',
    posyanduCode: 'POS-Mawar-03',
    ...overrides,
  });

  beforeAll(async () => {
    const token = await tokenFor('tpps', places.tangerang.regencyCode);
    identity = clientOf('identity', { token });
    intake = clientOf('intake', { token });
    foreignIntake = clientOf('intake', { token: await tokenFor('tpps', places.serang.regencyCode) });
  });

  it('accepts a measurement right after the registration, answering what the WHO standards compute', async () => {
    const childId = await registerChild();
    const { status, body } = await intake.post('/v1/measurements', visit(childId));
    expect(status).toBe(201);
    const expected = standards.assess(
      {
        sex: 'male',
        birthDate: '2024-01-15',
        measuredOn: '2025-07-15',
        weightKg: 8.1,
        heightCm: 72,
        position: 'lying',
        oedema: false,
      },
      TODAY,
    );
    expect(body).toMatchObject({
      childId,
      status: 'recorded',
      ageDays: expected.ageDays,
      ageMonths: expected.ageMonths,
      zScores: expected.zScores,
      classifications: expected.classifications,
      flags: expected.flags,
      regencyCode: '36.03',
      villageCode: places.tangerang.villageCode,
      standard: 'WHO-2006',
    });
  });

  it('returns the first result for a resent sourceRecordId, never a second measurement', async () => {
    const childId = await registerChild();
    const first = await intake.post('/v1/measurements', visit(childId, { sourceRecordId: `sr-${childId}` }));
    const resent = await intake.post('/v1/measurements', visit(childId, { sourceRecordId: `sr-${childId}` }));
    expect(first.status).toBe(201);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ id: first.body.id, duplicate: true });
    expect((await intake.get(`/v1/children/${childId}/measurements`)).body.items).toHaveLength(1);
  });

  /** Intake has read every identity event published so far: "not known here" is then its final answer. */
  const intakeCaughtUp = async () => {
    await waitForRelay('identity');
    await waitForCaughtUp('intake', { 'known-children': [TopicByService.identity] });
  };

  it('asks to send again a child id minted after the newest registration it knows, and refuses an older one', async () => {
    // Given intake caught up with identity, its newest known child registered just now
    await registerChild();
    await intakeCaughtUp();
    // When a measurement names a UUIDv7 minted now that identity never published (a registration on its way)
    const fresh = uuidV7();
    const single = await intake.post('/v1/measurements', visit(fresh));
    const batch = await intake.post('/v1/measurements:batch', { items: [visit(fresh), visit(OLD_UNKNOWN_CHILD)] });
    // Then it is told to retry, with nothing written: 503 with Retry-After naming childId, a batch item `retry`
    expect(single.status).toBe(503);
    expect(single.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(single.body).toMatchObject({ field: 'childId', retryAfterSeconds: RETRY_AFTER_SECONDS });
    expect(batch.body.results).toEqual([
      {
        index: 0,
        status: 'retry',
        retryAfterSeconds: RETRY_AFTER_SECONDS,
        reasons: [expect.stringMatching(/^childId: /)],
      },
      { index: 1, status: 'rejected', reasons: [`childId: no child ${OLD_UNKNOWN_CHILD} is registered in your area`] },
    ]);
    // (a child intake does not know has no measurements to list: 404, as for any record not visible)
    expect((await intake.get(`/v1/children/${fresh}/measurements`)).status).toBe(404);
    // And an id minted long before the newest registration intake knows is refused for good.
    const old = await intake.post('/v1/measurements', visit(OLD_UNKNOWN_CHILD));
    expect(old.status).toBe(422);
    expect(old.body.field).toBe('childId');
  });

  it.each([
    ['an unknown child', { childId: OLD_UNKNOWN_CHILD }, 'childId'],
    ['a measurement before birth', { measuredOn: '2023-12-01' }, 'measuredOn'],
    ['a measurement in the future', { measuredOn: '2099-01-01' }, 'measuredOn'],
    ['an age over 60 months', { measuredOn: '2029-03-01' }, 'measuredOn'],
    ['a weight outside physical ranges', { weightKg: 81 }, 'weightKg'],
    ['a length outside physical ranges', { heightCm: 200 }, 'heightCm'],
  ])('answers 422 for %s, naming the field', async (_case, overrides, field) => {
    const childId = await registerChild({ birthDate: _case === 'an age over 60 months' ? '2020-01-01' : '2024-01-15' });
    await intakeCaughtUp();
    const measuredOn = _case === 'an age over 60 months' ? '2025-03-01' : undefined;
    const { status, body } = await intake.post(
      '/v1/measurements',
      visit(childId, { ...overrides, ...(measuredOn ? { measuredOn } : {}) }),
    );
    expect(status).toBe(422);
    expect(body.field).toBe(field);
  });

  it('answers 400 naming malformed fields and 422 for a child of another kabupaten', async () => {
    const childId = await registerChild();
    const malformed = await intake.post('/v1/measurements', visit(childId, { position: 'sitting', weightKg: 'heavy' }));
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['position', 'weightKg']);
    await intakeCaughtUp();
    expect((await foreignIntake.post('/v1/measurements', visit(childId))).status).toBe(422);
  });

  it('takes numbers as clients compute them: float noise is the number meant, more decimals are rounded', async () => {
    const childId = await registerChild();
    const noisy = 5.0 + 0.3 * 9; // 7.699999999999999 in any JavaScript or Python client
    const single = await intake.post(
      '/v1/measurements',
      visit(childId, { measuredOn: '2025-05-15', weightKg: noisy, heightCm: 72.15 - 0.1, muacCm: 13.456 }),
    );
    expect(single.status).toBe(201);
    expect(single.body).toMatchObject({ weightKg: 7.7, heightCm: 72.1, muacCm: 13.5 });
    const batch = await intake.post('/v1/measurements:batch', {
      items: [visit(childId, { measuredOn: '2025-06-15', weightKg: noisy, headCircumferenceCm: 45.149999 })],
    });
    expect(batch.body.results).toEqual([
      expect.objectContaining({
        status: 'created',
        measurement: expect.objectContaining({ weightKg: 7.7, headCircumferenceCm: 45.1 }),
      }),
    ]);
    const corrected = await intake.post(`/v1/measurements/${single.body.id}/corrections`, {
      weightKg: 7.1 + 0.6,
      reason: 'scale was not tared',
    });
    expect(corrected.body).toMatchObject({ weightKg: 7.7, heightCm: 72.1 });
    const stored = (await intake.get(`/v1/children/${childId}/measurements`)).body.items;
    expect(stored.map((item: { weightKg: number }) => item.weightKg)).toEqual([7.7, 7.7]);
  });

  it('says what is wrong with a refused number: not a number, or out of range', async () => {
    const childId = await registerChild();
    const text = await intake.post('/v1/measurements', visit(childId, { weightKg: '7,7' }));
    expect(text.status).toBe(400);
    expect(text.body.fields).toEqual([
      { field: 'weightKg', problems: ['weightKg is text, not a number: send kg as a JSON number'] },
    ]);
    const tooHeavy = await intake.post('/v1/measurements', visit(childId, { weightKg: 77 }));
    expect(tooHeavy.status).toBe(422);
    expect(tooHeavy.body.message).toMatch(/^weightKg: weightKg 77 kg is outside 0.5–60 kg/);
    const armTooBig = await intake.post('/v1/measurements', visit(childId, { muacCm: 31 }));
    expect(armTooBig.status).toBe(422);
    expect(armTooBig.body.message).toMatch(/^muacCm: muacCm 31 cm is outside 5–30 cm/);
    for (const refused of [text, tooHeavy, armTooBig]) expect(JSON.stringify(refused.body)).not.toMatch(/e\.g\./);
  });

  it('flags an implausible z-score and keeps the measurement', async () => {
    const childId = await registerChild();
    const { status, body } = await intake.post('/v1/measurements', visit(childId, { heightCm: 55 }));
    expect(status).toBe(201);
    expect(body.flags.heightForAge).toBe(true);
  });

  it('records a batch item by item, durable before the answer, and a retried batch creates nothing twice', async () => {
    const childId = await registerChild();
    const items = [
      visit(childId, { measuredOn: '2025-05-10', sourceRecordId: `b1-${childId}` }),
      visit(childId, { measuredOn: '2025-06-10', sourceRecordId: `b2-${childId}` }),
      visit(childId, { measuredOn: '2023-01-01', sourceRecordId: `b3-${childId}` }),
      { childId, position: 'lying' },
      visit(childId, { measuredOn: '2025-06-10', sourceRecordId: `b2-${childId}` }),
    ];
    const first = await intake.post('/v1/measurements:batch', { items });
    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'created',
      'rejected',
      'rejected',
      'duplicate',
    ]);
    expect(first.body.results[2].reasons[0]).toMatch(/^measuredOn/);
    const retried = await intake.post('/v1/measurements:batch', { items });
    expect(retried.body.results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'rejected',
      'rejected',
      'duplicate',
    ]);
    expect(retried.body.results[0].duplicateOf).toBe(first.body.results[0].measurement.id);
    expect((await intake.get(`/v1/children/${childId}/measurements`)).body.items).toHaveLength(2);
  });

  it('records each record id once when the same weighing day is sent several times at once', async () => {
    // Given a weighing day of 40 records, with an integration that does not wait before resending
    const children = await Promise.all(Array.from({ length: 4 }, () => registerChild()));
    const items = children.flatMap((childId, c) =>
      Array.from({ length: 10 }, (_, v) =>
        visit(childId, { measuredOn: `2025-0${1 + (v % 8)}-${10 + c}`, sourceRecordId: `race-${childId}-${v}` }),
      ),
    );

    // When two batches and two rounds of single POSTs of the same records race
    const [batchA, batchB, ...singles] = await Promise.all([
      intake.post('/v1/measurements:batch', { items }),
      intake.post('/v1/measurements:batch', { items }),
      ...items.flatMap((item) => [intake.post('/v1/measurements', item), intake.post('/v1/measurements', item)]),
    ]);

    // Then every answer names one and the same measurement per record id, and intake holds exactly those
    const idOf = (result: { status: string; measurement?: { id: string } }) => result.measurement?.id;
    expect(batchA.status).toBe(200);
    expect(batchB.status).toBe(200);
    const recorded = batchA.body.results.map(idOf);
    expect(recorded.every((id: string | undefined) => typeof id === 'string')).toBe(true);
    expect(batchB.body.results.map(idOf)).toEqual(recorded);
    expect(singles.map((single) => [201, 200].includes(single.status))).not.toContain(false);
    expect(singles.map((single) => single.body.id)).toEqual(recorded.flatMap((id: string) => [id, id]));
    const stored = await Promise.all(children.map((childId) => intake.get(`/v1/children/${childId}/measurements`)));
    expect(stored.flatMap(({ body }) => body.items.map((item: { id: string }) => item.id)).sort()).toEqual(
      [...recorded].sort(),
    );
  });

  it('corrects a measurement by recomputing its z-scores and voids it, keeping every version', async () => {
    const childId = await registerChild();
    const { body: recorded } = await intake.post('/v1/measurements', visit(childId));
    const corrected = await intake.post(`/v1/measurements/${recorded.id}/corrections`, {
      heightCm: 76.0,
      reason: 'misread board',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.version).toBe(2);
    expect(corrected.body.zScores.heightForAge).toBeGreaterThan(recorded.zScores.heightForAge);
    expect((await intake.post(`/v1/measurements/${recorded.id}/void`, { reason: 'wrong child' })).body).toEqual({
      id: recorded.id,
      status: 'voided',
      version: 3,
    });
    expect((await intake.post(`/v1/measurements/${recorded.id}/void`, { reason: 'again' })).status).toBe(409);
    expect(
      (await intake.post(`/v1/measurements/${recorded.id}/corrections`, { weightKg: 8, reason: 'too late' })).status,
    ).toBe(409);
    expect((await foreignIntake.post(`/v1/measurements/${recorded.id}/void`, { reason: 'not mine' })).status).toBe(404);
    const history = await intake.get(`/v1/children/${childId}/measurements`);
    expect(history.body.items).toEqual([expect.objectContaining({ id: recorded.id, status: 'voided', version: 3 })]);
  });

  it('corrects and voids a measurement taken before the child moved kabupaten, where it was taken', async () => {
    const childId = await registerChild();
    const sourceRecordId = `before-move-${childId}`;
    const { body: recorded } = await intake.post(
      '/v1/measurements',
      visit(childId, { measuredOn: '2025-03-10', sourceRecordId }),
    );
    const moved = await identity.post(`/v1/children/${childId}/relocations`, {
      villageCode: places.serang.villageCode,
      movedOn: '2025-04-01',
    });
    expect(moved.status).toBe(201);
    await waitForRelay('identity');
    await waitForCaughtUp('intake', { 'known-children': [TopicByService.identity] });

    // A resend of what was acknowledged before the move is still answered with the first result
    const resent = await intake.post('/v1/measurements', visit(childId, { measuredOn: '2025-03-10', sourceRecordId }));
    expect(resent).toMatchObject({ status: 200, body: { id: recorded.id, duplicate: true } });
    const resentInBatch = await intake.post('/v1/measurements:batch', {
      items: [visit(childId, { measuredOn: '2025-03-10', sourceRecordId })],
    });
    expect(resentInBatch.body.results).toEqual([
      expect.objectContaining({ status: 'duplicate', duplicateOf: recorded.id }),
    ]);

    const corrected = await intake.post(`/v1/measurements/${recorded.id}/corrections`, {
      weightKg: 8.3,
      reason: 'scale was not tared',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({
      weightKg: 8.3,
      regencyCode: places.tangerang.regencyCode,
      villageCode: places.tangerang.villageCode,
    });
    // The new kabupaten records the child's new measurements, not the old one's corrections.
    expect((await foreignIntake.post(`/v1/measurements/${recorded.id}/void`, { reason: 'not mine' })).status).toBe(404);
    expect((await intake.post(`/v1/measurements/${recorded.id}/void`, { reason: 'entered twice' })).status).toBe(200);
  });

  it('follows identity: a death refuses later measurements, a merge records against the surviving child', async () => {
    const died = await registerChild();
    await identity.post(`/v1/children/${died}/death`, { diedOn: '2025-06-01' });
    const afterDeath = await intake.post('/v1/measurements', visit(died, { measuredOn: '2025-07-15' }));
    const attempts = [afterDeath];
    for (let i = 0; attempts[attempts.length - 1].status !== 422 && i < 50; i += 1)
      attempts.push(await intake.post('/v1/measurements', visit(died, { measuredOn: '2025-07-16' })));
    expect(attempts[attempts.length - 1].status).toBe(422);

    const survivor = await registerChild();
    const duplicate = await registerChild();
    await identity.post(`/v1/children/${duplicate}/merge`, { intoChildId: survivor, reason: 'registered twice' });
    let recorded = await intake.post('/v1/measurements', visit(duplicate, { measuredOn: '2025-08-01' }));
    for (let i = 0; recorded.body.childId !== survivor && i < 50; i += 1)
      recorded = await intake.post('/v1/measurements', visit(duplicate, { measuredOn: '2025-08-02' }));
    expect(recorded.body.childId).toBe(survivor);
  });
});
