import { randomUUID } from 'node:crypto';
import { errorsOf, startFhirValidator, type FhirValidator } from '../support/fhir-validator';
import { clientOf, nikFor, randomVillage, registration, tokenFor, type Client } from '../support/registry';
import { request, serviceUrl } from '../support/services';
import { bundle, mother, newChild, observation, patient, puskesmas, SYSTEMS, type ChildFixture } from './fhir-bundles';

// FHIR R4 in and out (issue #29), against the running stack, every resource sent and received checked by HL7's
// validator as HAPI FHIR publishes it (tools/fhir-validator). The children live in a desa drawn at random.
const place = randomVillage();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- FHIR resources are asserted element by element
type Resource = Record<string, any>;
const PKM = 'PKM-FHIR-01';
const FHIR = { 'content-type': 'application/fhir+json' };
const identityUrl = serviceUrl('identity', '');

describe('FHIR R4: Bundles in, Observations out, as SATUSEHAT speaks them', () => {
  let validator: FhirValidator;
  let identity: Client;
  let intake: Client;
  const codeSystems = new Map<string, Resource>();

  const send = (body: object) => identity.post('/fhir/R4', body, FHIR);
  const expectValid = async (resource: object) => expect(errorsOf(await validator.validate(resource))).toEqual([]);
  const statuses = (answer: { entry: Array<{ response: { status: string } }> }) =>
    answer.entry.map((e) => e.response.status);
  const childIdOf = (location: string) => /^Patient\/([0-9a-f-]{36})/.exec(location)![1];
  const history = async (childId: string) => {
    const { status, body } = await intake.get(`/v1/children/${childId}/measurements`);
    expect(status).toBe(200);
    return body.items as Array<Record<string, unknown>>;
  };
  const childrenWithNik = async (nik: string) =>
    (await identity.get(`/v1/children?nik=${nik}`)).body.items as unknown[];

  /** A visit's Bundle: the child (with its mother), the puskesmas, and the Observations given. */
  const visitBundle = (
    type: 'transaction' | 'batch',
    child: ChildFixture,
    values: Array<[Parameters<typeof observation>[0], { value: number; code: string }]>,
    effective = '2025-11-14T09:30:00+07:00',
  ) => {
    const organization = `urn:uuid:${randomUUID()}`;
    return bundle(type, [
      { resource: patient(child), fullUrl: child.fullUrl },
      { resource: mother(child) },
      { resource: puskesmas(PKM), fullUrl: organization },
      ...values.map(([part, quantity]) => ({
        resource: observation(part, quantity, {
          subject: { reference: child.fullUrl },
          effective,
          performer: organization,
          id: `${child.fullUrl}-${part}-${effective}`,
        }),
      })),
    ]);
  };

  beforeAll(async () => {
    validator = await startFhirValidator();
    const token = await tokenFor('tpps', place.regencyCode);
    identity = clientOf('identity', { token });
    intake = clientOf('intake', { token });
    const served = await request('GET', `${identityUrl}/fhir/R4/CodeSystem`);
    for (const { resource } of served.body.entry as Array<{ resource: Resource }>)
      codeSystems.set(resource['url'], resource);
  }, 240_000);

  afterAll(() => validator?.close());

  it('describes exactly what it supports in a valid CapabilityStatement', async () => {
    const { status, headers, body } = await identity.get('/fhir/R4/metadata');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(body).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    await expectValid(body);
  });

  it('serves its own code systems, valid, without a token', async () => {
    const { status, body } = await request('GET', `${identityUrl}/fhir/R4/CodeSystem`);
    expect(status).toBe(200);
    await expectValid(body);
    expect(body.entry.map((e: { resource: Resource }) => e.resource.id)).toEqual([
      'anthropometric-indicator',
      'height-for-age-status',
      'weight-for-age-status',
      'nutritional-status',
    ]);
    for (const { resource } of body.entry) await expectValid(resource);
    expect((await request('GET', `${identityUrl}/fhir/R4/CodeSystem/nope`)).status).toBe(404);
  });

  it('registers a new child from a transaction and judges its Observations as the batch API does', async () => {
    const birthDate = '2025-01-10';
    const child = newChild({
      sex: 'female',
      birthDate,
      villageCode: place.villageCode,
      nik: nikFor(place.districtCode, birthDate, 'female'),
    });
    // Grams and millimetres, as some scales and boards report: converted to kg and cm.
    const sent = visitBundle('transaction', child, [
      ['weight', { value: 7600, code: 'g' }],
      ['length', { value: 655, code: 'mm' }],
    ]);
    await expectValid(sent);

    const { status, body } = await send(sent);
    expect(status).toBe(200);
    await expectValid(body);
    expect(body.type).toBe('transaction-response');
    expect(statuses(body)).toEqual(['201 Created', '200 OK', '200 OK', '201 Created', '201 Created']);
    const childId = childIdOf(body.entry[0].response.location);
    const [measurement] = await history(childId);
    expect(measurement).toMatchObject({ weightKg: 7.6, heightCm: 65.5, position: 'lying', puskesmasCode: PKM });

    // The same values through the batch API, for a child of the same sex and birth date.
    const twin = await identity.post(
      '/v1/children',
      registration({ sex: 'female', birthDate, address: { villageCode: place.villageCode } }),
    );
    const viaApi = await intake.post('/v1/measurements:batch', {
      items: [
        {
          childId: twin.body.id,
          measuredOn: '2025-11-14',
          weightKg: 7.6,
          heightCm: 65.5,
          position: 'lying',
          puskesmasCode: PKM,
        },
      ],
    });
    expect(viaApi.body.results[0].status).toBe('created');
    const expected = viaApi.body.results[0].measurement.zScores;

    const read = await identity.get(`/fhir/R4/Observation?subject=Patient/${childId}`);
    expect(read.status).toBe(200);
    await expectValid(read.body);
    expect(read.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 2 });
    const byCode = new Map<string, Resource>(
      read.body.entry.map((e: { resource: Resource }) => [e.resource.code.coding[0].code, e.resource]),
    );
    for (const resource of byCode.values()) await expectValid(resource);
    const zOf = (resource: Resource, indicator: string) =>
      resource.component.find((c: Resource) => c.code.coding[0].code === indicator)?.valueQuantity.value;
    expect(byCode.get('29463-7')!.valueQuantity).toMatchObject({ value: 7.6, code: 'kg' });
    expect(zOf(byCode.get('29463-7')!, 'weight-for-age')).toBe(expected.weightForAge);
    expect(zOf(byCode.get('29463-7')!, 'weight-for-length-height')).toBe(expected.weightForHeight);
    expect(byCode.get('8306-3')!.valueQuantity).toMatchObject({ value: 65.5, code: 'cm' });
    expect(zOf(byCode.get('8306-3')!, 'length-height-for-age')).toBe(expected.heightForAge);
    // Every code the Observations use is a concept, with its display, of a code system the registry serves.
    for (const resource of byCode.values())
      for (const component of resource.component)
        for (const coding of [...component.code.coding, ...(component.interpretation?.[0].coding ?? [])]) {
          expect(codeSystems.get(coding.system)?.concept).toContainEqual({
            code: coding.code,
            display: coding.display,
          });
        }
    const heightClass = byCode.get('8306-3')!.component[0].interpretation[0].coding[0].code;
    expect(heightClass).toBe(viaApi.body.results[0].measurement.classifications.heightForAge.code);

    // Searched by code and by day.
    const search = async (query: string) =>
      (await identity.get(`/fhir/R4/Observation?subject=Patient/${childId}&${query}`)).body;
    expect((await search('code=http://loinc.org|8306-3')).total).toBe(1);
    expect((await search('code=29463-7,8306-3&date=ge2025-11-14&date=lt2025-11-15')).total).toBe(2);
    expect((await search('date=gt2025-11-14')).total).toBe(0);
    const badDate = await identity.get(`/fhir/R4/Observation?subject=Patient/${childId}&date=since-monday`);
    expect(badDate.status).toBe(400);
    expect(badDate.body.issue[0].diagnostics).toMatch(/^date: "since-monday" is not \[eq/);

    // The same Bundle again: the same child and measurement, nothing doubled.
    const again = await send(sent);
    expect(statuses(again.body)).toEqual(['200 OK', '200 OK', '200 OK', '200 OK', '200 OK']);
    expect(childIdOf(again.body.entry[0].response.location)).toBe(childId);
    expect(again.body.entry[3].response.location).toBe(body.entry[3].response.location);
    expect(await childrenWithNik(child.nik!)).toHaveLength(1);
    expect(await history(childId)).toHaveLength(1);

    const everything = await identity.get(`/fhir/R4/Patient/${childId}/$everything`);
    expect(everything.status).toBe(200);
    await expectValid(everything.body);
    expect(everything.body.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType)).toEqual([
      'Patient',
      'Observation',
      'Observation',
    ]);
    expect(everything.body.entry[0].resource.identifier).toContainEqual({ system: SYSTEMS.nik, value: child.nik });
  });

  it("registers a newborn known only by the mother's NIK, and finds it again by its fullUrl", async () => {
    const birthDate = '2025-10-02';
    const motherNik = nikFor(place.districtCode, '1996-04-12', 'female');
    const child = newChild({ sex: 'male', birthDate, villageCode: place.villageCode, motherNik });
    const first = visitBundle('batch', child, [['weight', { value: 3.9, code: 'kg' }]], '2025-11-03');
    await expectValid(first);
    const { status, body } = await send(first);
    expect(status).toBe(200);
    expect(body.type).toBe('batch-response');
    expect(statuses(body)).toEqual(['201 Created', '200 OK', '200 OK', '201 Created']);
    const childId = childIdOf(body.entry[0].response.location);
    await expectValid(body);
    const registered = await identity.get(`/v1/children/${childId}`);
    expect(registered.body.personalData).toMatchObject({ nik: null, mother: { nik: motherNik } });
    const read = await identity.get(`/fhir/R4/Patient/${childId}`);
    expect(read.status).toBe(200);
    await expectValid(read.body);
    expect(read.body).toMatchObject({ resourceType: 'Patient', id: childId, gender: 'male', birthDate });
    expect(read.body.identifier).toContainEqual({ system: SYSTEMS.motherNik, value: motherNik });

    // A month later, the same Patient with the next weighing: matched, not registered again.
    const next = visitBundle('batch', child, [['weight', { value: 4.6, code: 'kg' }]], '2025-12-03');
    await expectValid(next);
    const later = await send(next);
    await expectValid(later.body);
    expect(statuses(later.body)).toEqual(['200 OK', '200 OK', '200 OK', '201 Created']);
    expect(childIdOf(later.body.entry[0].response.location)).toBe(childId);
    expect((await history(childId)).map((m) => m['weightKg'])).toEqual([3.9, 4.6]);

    // The Patient the registry answered with, sent back: the same child, by the registry's own identifier.
    const echoed = await send(bundle('batch', [{ resource: read.body }]));
    expect(statuses(echoed.body)).toEqual(['200 OK']);
    expect(childIdOf(echoed.body.entry[0].response.location)).toBe(childId);
  });

  it('records Observations for registered children named by registry id or by NIK', async () => {
    const birthDate = '2024-06-20';
    const nik = nikFor(place.districtCode, birthDate, 'male');
    const registered = await identity.post(
      '/v1/children',
      registration({ nik, sex: 'male', birthDate, address: { villageCode: place.villageCode } }),
    );
    expect(registered.status).toBe(201);
    const childId = registered.body.id as string;
    const sent = bundle('batch', [
      {
        resource: observation(
          'weight',
          { value: 9.25, code: 'kg' },
          {
            subject: { reference: `Patient/${childId}` },
            effective: '2025-09-10',
            performer: `Organization/${PKM}`,
          },
        ),
      },
      {
        resource: observation(
          'height',
          { value: 0.801, code: 'm' },
          {
            subject: { identifier: { system: SYSTEMS.nik, value: nik } },
            effective: '2025-10-10',
            performer: `Organization/${PKM}`,
          },
        ),
      },
    ]);
    await expectValid(sent);
    const { body } = await send(sent);
    await expectValid(body);
    expect(statuses(body)).toEqual(['201 Created', '201 Created']);
    const measurements = await history(childId);
    expect(measurements.map((m) => [m['measuredOn'], m['weightKg'], m['heightCm'], m['position']])).toEqual([
      ['2025-09-10', 9.25, null, 'lying'],
      ['2025-10-10', null, 80.1, 'standing'],
    ]);
  });

  it('writes nothing of a transaction with one bad entry, and names the element as the validator does', async () => {
    const birthDate = '2025-02-14';
    const child = newChild({
      sex: 'male',
      birthDate,
      villageCode: place.villageCode,
      nik: nikFor(place.districtCode, birthDate, 'male'),
    });
    const sent = visitBundle('transaction', child, [
      ['weight', { value: 8.2, code: 'kg' }],
      ['length', { value: 70.1, code: 'kgg' }],
    ]);
    const found = errorsOf(await validator.validate(sent));
    expect(found.map((i) => i.location)).toContainEqual(
      expect.stringMatching(/^Bundle\.entry\[4\]\.resource.*Quantity/),
    );

    const { status, body } = await send(sent);
    expect(status).toBe(400);
    await expectValid(body);
    expect(body.resourceType).toBe('OperationOutcome');
    expect(body.issue).toEqual([
      expect.objectContaining({ severity: 'error', expression: ['Bundle.entry[4].resource.valueQuantity.code'] }),
    ]);
    expect(body.issue[0].diagnostics).toMatch(/kgg.*cm, mm, m/);
    expect(await childrenWithNik(child.nik!)).toHaveLength(0);
  });

  it('answers each refused entry of a batch with an OperationOutcome naming the element and the fix', async () => {
    const birthDate = '2024-11-05';
    const good = newChild({
      sex: 'female',
      birthDate,
      villageCode: place.villageCode,
      nik: nikFor(place.districtCode, birthDate, 'female'),
    });
    // The NIK's date part says 05-11-24 for a girl (45), but the birth date is a day later.
    const contradicting = newChild({
      sex: 'female',
      birthDate: '2024-11-06',
      villageCode: place.villageCode,
      nik: nikFor(place.districtCode, birthDate, 'female'),
    });
    const unknownSystem = newChild({ sex: 'male', birthDate, villageCode: place.villageCode });
    const withBpjs = {
      ...patient(unknownSystem),
      identifier: [{ system: 'https://example.org/bpjs', value: '0001234567890' }],
    };
    const organization = `urn:uuid:${randomUUID()}`;
    const on = { effective: '2025-08-01', performer: organization };
    const withoutSubject = observation('weight', { value: 8.1, code: 'kg' }, { ...on, subject: {} });
    delete withoutSubject['subject'];
    const sent = bundle('batch', [
      { resource: patient(good), fullUrl: good.fullUrl },
      { resource: mother(good) },
      { resource: puskesmas(PKM), fullUrl: organization },
      { resource: observation('weight', { value: 8.1, code: 'kg' }, { ...on, subject: { reference: good.fullUrl } }) },
      { resource: withoutSubject },
      { resource: patient(contradicting), fullUrl: contradicting.fullUrl },
      { resource: mother(contradicting) },
      { resource: withBpjs, fullUrl: unknownSystem.fullUrl },
      { resource: mother(unknownSystem) },
      // A length in kilograms: UCUM knows kg, the registry refuses it for a length.
      { resource: observation('length', { value: 74, code: 'kg' }, { ...on, subject: { reference: good.fullUrl } }) },
    ]);
    await expectValid(sent);

    const { status, body } = await send(sent);
    expect(status).toBe(200);
    await expectValid(body);
    const answer = (i: number) => body.entry[i].response;
    expect(statuses(body).slice(0, 4)).toEqual(['201 Created', '200 OK', '200 OK', '201 Created']);
    const refusal = (i: number) => ({ status: answer(i).status, expression: answer(i).outcome.issue[0].expression });
    expect(refusal(4)).toEqual({ status: '400 Bad Request', expression: ['Bundle.entry[4].resource.subject'] });
    expect(refusal(5)).toEqual({
      status: '422 Unprocessable Entity',
      expression: ['Bundle.entry[5].resource.identifier[0].value'],
    });
    expect(answer(5).outcome.issue[0].diagnostics).toMatch(/does not match birthDate 2024-11-06/);
    expect(answer(6).status).toBe('424 Failed Dependency');
    expect(refusal(7)).toEqual({
      status: '422 Unprocessable Entity',
      expression: ['Bundle.entry[7].resource.identifier[0].system'],
    });
    expect(refusal(9)).toEqual({
      status: '422 Unprocessable Entity',
      expression: ['Bundle.entry[9].resource.valueQuantity.code'],
    });
    expect(await childrenWithNik(contradicting.nik!)).toHaveLength(0);
  });

  it('answers a body that is not JSON with an OperationOutcome', async () => {
    const response = await fetch(`${identityUrl}/fhir/R4`, {
      method: 'POST',
      headers: { ...FHIR, authorization: `Bearer ${await tokenFor('tpps', place.regencyCode)}` },
      body: '{"resourceType": "Bundle", "type": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    const body = (await response.json()) as Resource;
    expect(body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'structure' }] });
    await expectValid(body);
  });

  it('answers callers without access with an OperationOutcome', async () => {
    const anonymous = await request('POST', `${identityUrl}/fhir/R4`, bundle('batch', []), FHIR);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'login' }] });

    const statistician = clientOf('identity', { token: await tokenFor('statistician') });
    const { status, body } = await statistician.post('/fhir/R4', bundle('batch', []), FHIR);
    expect(status).toBe(403);
    expect(body.resourceType).toBe('OperationOutcome');
    await expectValid(body);
  });
});
