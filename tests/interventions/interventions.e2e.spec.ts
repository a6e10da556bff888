import { clientOf, places, tokenFor, type Client } from '../support/registry';
import {
  addDays,
  caseTrackerCaughtUp,
  completedMonths,
  daysAgo,
  registryOf,
  today,
  type Child,
} from './interventions-fixtures';

interface CatalogEntry {
  code: string;
  category: 'specific' | 'sensitive';
  name: string;
  responsibleOpd: string;
  unit: string;
  ageMonths: { from: number; to: number } | null;
  caseTypes: string[];
  severeOnly: boolean;
}

describe('intervention tracking: interventions and the package of a case over HTTP', () => {
  let tpps: Client;
  let serang: Client;
  let registry: ReturnType<typeof registryOf>;
  let catalog: CatalogEntry[];

  const intervention = (child: Child, overrides: Record<string, unknown> = {}) => ({
    childId: child.id,
    type: 'vitamin_a',
    status: 'delivered',
    deliveredOn: daysAgo(2),
    provider: 'DINKES',
    quantity: 1,
    unit: 'kapsul',
    fundingSource: 'APBD',
    ...overrides,
  });

  /** A child of this many days, registered in Tangerang and known to the intervention service. */
  const knownChild = async (ageDays: number) => {
    const child = await registry.register(daysAgo(ageDays));
    await caseTrackerCaughtUp();
    return child;
  };

  beforeAll(async () => {
    const token = await tokenFor('tpps', places.tangerang.regencyCode);
    tpps = clientOf('interventions', { token });
    serang = clientOf('interventions', { token: await tokenFor('tpps', places.serang.regencyCode) });
    registry = registryOf(clientOf('identity', { token }), clientOf('intake', { token }));
    catalog = (await tpps.get('/v1/intervention-types')).body.items;
  });

  it('serves the catalog of specific and sensitive interventions, with OPD, unit, ages and case types, to every role', async () => {
    const { status, body } = await clientOf('interventions', { token: await tokenFor('statistician') }).get(
      '/v1/intervention-types',
    );
    expect(status).toBe(200);
    expect(new Set(body.items.map((t: CatalogEntry) => t.category))).toEqual(new Set(['specific', 'sensitive']));
    const opds = new Set(body.opds.map((o: { code: string }) => o.code));
    for (const entry of body.items as CatalogEntry[]) {
      expect(entry).toEqual(
        expect.objectContaining({
          code: expect.any(String),
          name: expect.any(String),
          unit: expect.any(String),
          caseTypes: expect.any(Array),
        }),
      );
      expect(opds.has(entry.responsibleOpd)).toBe(true);
    }
    expect(body.fundingSources).toEqual(['APBD', 'DAK', 'DANA_DESA', 'BAZNAS', 'CSR', 'SPONSORSHIP', 'APBN', 'OTHER']);
  });

  it('derives the package of a stunting case from the catalog: each item delivered, planned or missing', async () => {
    const child = await registry.register(daysAgo(380));
    const measured = await registry.measure(child, daysAgo(5), { heightForAge: 'stunted' });
    await caseTrackerCaughtUp();
    const [stunting] = (await tpps.get(`/v1/cases?childId=${child.id}&type=stunting`)).body.items;

    const vitaminA = await tpps.post('/v1/interventions', intervention(child));
    const pmt = await tpps.post(
      '/v1/interventions',
      intervention(child, {
        type: 'pmt_toddler',
        status: 'planned',
        deliveredOn: undefined,
        plannedOn: addDays(today(), 7),
        unit: 'paket',
        quantity: 30,
        fundingSource: 'DANA_DESA',
      }),
    );
    const immunization = await tpps.post(
      '/v1/interventions',
      intervention(child, {
        type: 'basic_immunization',
        status: 'planned',
        deliveredOn: undefined,
        plannedOn: today(),
        unit: 'dosis',
      }),
    );
    expect([vitaminA.status, pmt.status, immunization.status]).toEqual([201, 201, 201]);
    expect(vitaminA.body).toMatchObject({ caseId: stunting.id, category: 'specific', status: 'delivered' });
    expect(
      (await tpps.post(`/v1/interventions/${immunization.body.id}/cancel`, { reason: 'vaccine out of stock' })).body,
    ).toMatchObject({ status: 'cancelled', cancelReason: 'vaccine out of stock' });

    const { status, body: view } = await tpps.get(`/v1/cases/${stunting.id}`);
    expect(status).toBe(200);
    const age = completedMonths(child.birthDate, today());
    const required = catalog
      .filter((t) => t.caseTypes.includes('stunting') && !t.severeOnly)
      .filter((t) => t.ageMonths !== null && age >= t.ageMonths.from && age < t.ageMonths.to)
      .map((t) => t.code);
    expect(view.package.ageMonths).toBe(age);
    expect(view.package.items.map((i: { type: string }) => i.type).sort()).toEqual([...required].sort());
    const statusOf = (type: string) => view.package.items.find((i: { type: string }) => i.type === type);
    expect(statusOf('vitamin_a')).toMatchObject({ status: 'delivered', interventionId: vitaminA.body.id });
    expect(statusOf('pmt_toddler')).toMatchObject({ status: 'planned', interventionId: pmt.body.id });
    expect(statusOf('basic_immunization')).toMatchObject({ status: 'missing' });
    // The posyandu measurement is the monthly growth monitoring.
    expect(statusOf('growth_monitoring')).toMatchObject({ status: 'delivered', on: measured.measuredOn });
    expect(view.package).toMatchObject({ delivered: 2, planned: 1, missing: required.length - 3 });
    expect(view.lacking).toContain('basic_immunization');
    expect(view.daysOpen).toBe(5);
    expect(
      (await tpps.get(`/v1/children/${child.id}/interventions`)).body.items.map((i: { id: string }) => i.id),
    ).toEqual([vitaminA.body.id, immunization.body.id, pmt.body.id]);
  });

  describe('validation', () => {
    let child: Child;
    let preschooler: Child;

    beforeAll(async () => {
      child = await registry.register(daysAgo(300));
      preschooler = await registry.register(daysAgo(1220));
      await caseTrackerCaughtUp();
    });

    it.each<[string, Record<string, unknown>, string]>([
      [
        'a delivery before the day it was planned for',
        { plannedOn: daysAgo(3), deliveredOn: daysAgo(5) },
        'deliveredOn',
      ],
      ['a delivery in the future', { deliveredOn: addDays(today(), 1) }, 'deliveredOn'],
      [
        'a delivery before birth',
        { type: 'jkn', unit: 'kepesertaan', provider: 'DINSOS', deliveredOn: daysAgo(400) },
        'deliveredOn',
      ],
      ['a plan before birth', { status: 'planned', deliveredOn: undefined, plannedOn: daysAgo(400) }, 'plannedOn'],
      ['an unknown type', { type: 'magic_beans' }, 'type'],
      ["a type for the child's mother", { type: 'anc', unit: 'kunjungan' }, 'type'],
      ['an unknown OPD', { provider: 'DINAS_X' }, 'provider'],
      ['a unit the type is not counted in', { unit: 'botol' }, 'unit'],
      ['sponsorship funding without its sponsorship', { fundingSource: 'SPONSORSHIP' }, 'sponsorshipId'],
      ['a delivery day on a plan', { status: 'planned', plannedOn: daysAgo(1) }, 'deliveredOn'],
    ])('answers 422 for %s, naming the field', async (_case, overrides, field) => {
      const { status, body } = await tpps.post('/v1/interventions', intervention(child, overrides));
      expect(status).toBe(422);
      expect(body.field).toBe(field);
    });

    it('answers 422 naming type for a type not given at the age of the child', async () => {
      const { status, body } = await tpps.post(
        '/v1/interventions',
        intervention(preschooler, { type: 'mp_asi', unit: 'paket' }),
      );
      expect(status).toBe(422);
      expect(body.field).toBe('type');
      expect(completedMonths(preschooler.birthDate, daysAgo(2))).toBeGreaterThanOrEqual(24);
    });

    it('answers 400 naming malformed fields', async () => {
      const { status, body } = await tpps.post(
        '/v1/interventions',
        intervention(child, { status: 'planned', deliveredOn: undefined, quantity: 0, fundingSource: 'LOTTERY' }),
      );
      expect(status).toBe(400);
      expect(body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'fundingSource',
        'plannedOn',
        'quantity',
      ]);
    });

    it('answers 422 naming childId for an unknown child and for a child of another kabupaten', async () => {
      const unknown = await tpps.post(
        '/v1/interventions',
        intervention({ ...child, id: '01a20000-0000-7000-8000-000000000000' }),
      );
      expect([unknown.status, unknown.body.field]).toEqual([422, 'childId']);
      const foreign = await serang.post('/v1/interventions', intervention(child));
      expect([foreign.status, foreign.body.field]).toEqual([422, 'childId']);
    });
  });

  it('keeps ids of another kabupaten out of reach: 404 on reads and writes', async () => {
    const child = await knownChild(300);
    const { body: recorded } = await tpps.post('/v1/interventions', intervention(child));
    expect((await serang.get(`/v1/children/${child.id}/interventions`)).status).toBe(404);
    expect((await serang.post(`/v1/interventions/${recorded.id}/cancel`, { reason: 'not ours' })).status).toBe(404);
    expect((await serang.post(`/v1/interventions/${recorded.id}/delivery`, { deliveredOn: today() })).status).toBe(404);
    expect((await tpps.get(`/v1/cases?regencyCode=${places.serang.regencyCode}`)).status).toBe(404);
  });

  it('answers a retried POST with the same Idempotency-Key with the first answer, recording once', async () => {
    const child = await knownChild(300);
    const headers = { 'idempotency-key': `vitamin-a-${child.id}` };
    const first = await tpps.post('/v1/interventions', intervention(child), headers);
    const retried = await tpps.post('/v1/interventions', intervention(child), headers);
    expect([first.status, retried.status]).toEqual([201, 201]);
    expect(retried.body).toEqual(first.body);
    expect((await tpps.get(`/v1/children/${child.id}/interventions`)).body.items).toHaveLength(1);
    const reused = await tpps.post('/v1/interventions', intervention(child, { quantity: 2 }), headers);
    expect(reused.status).toBe(422);

    const cancelHeaders = { 'idempotency-key': `cancel-${first.body.id}` };
    const cancelled = await tpps.post(
      `/v1/interventions/${first.body.id}/cancel`,
      { reason: 'entered twice' },
      cancelHeaders,
    );
    const cancelRetried = await tpps.post(
      `/v1/interventions/${first.body.id}/cancel`,
      { reason: 'entered twice' },
      cancelHeaders,
    );
    expect([cancelled.status, cancelRetried.status]).toEqual([200, 200]);
    expect(cancelRetried.body).toEqual(cancelled.body);
    expect((await tpps.post(`/v1/interventions/${first.body.id}/cancel`, { reason: 'again' })).status).toBe(409);
  });

  it('delivers a plan once, keeping the day it was planned for, and never before it', async () => {
    const child = await knownChild(300);
    const { body: plan } = await tpps.post(
      '/v1/interventions',
      intervention(child, { status: 'planned', deliveredOn: undefined, plannedOn: daysAgo(3) }),
    );
    const early = await tpps.post(`/v1/interventions/${plan.id}/delivery`, { deliveredOn: daysAgo(4) });
    expect([early.status, early.body.field]).toEqual([422, 'deliveredOn']);
    const delivered = await tpps.post(`/v1/interventions/${plan.id}/delivery`, {
      deliveredOn: daysAgo(1),
      quantity: 2,
    });
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({
      status: 'delivered',
      plannedOn: daysAgo(3),
      deliveredOn: daysAgo(1),
      quantity: 2,
    });
    expect((await tpps.post(`/v1/interventions/${plan.id}/delivery`, { deliveredOn: today() })).status).toBe(409);
  });

  it('lets a puskesmas record specific interventions only, and keeps other roles out', async () => {
    const child = await knownChild(300);
    const puskesmas = clientOf('interventions', {
      token: await tokenFor('puskesmas', places.tangerang.regencyCode, { puskesmasCodes: ['P3603200101'] }),
    });
    expect((await puskesmas.post('/v1/interventions', intervention(child))).status).toBe(201);
    const sensitive = intervention(child, { type: 'jkn', unit: 'kepesertaan', provider: 'DINSOS' });
    expect((await puskesmas.post('/v1/interventions', sensitive)).status).toBe(403);
    expect((await tpps.post('/v1/interventions', sensitive)).status).toBe(201);
    const kader = clientOf('interventions', {
      token: await tokenFor('kader', places.tangerang.regencyCode, { villageCodes: [places.tangerang.villageCode] }),
    });
    expect((await kader.post('/v1/interventions', intervention(child))).status).toBe(403);
    expect((await kader.get(`/v1/children/${child.id}/interventions`)).status).toBe(200);
    const statistician = clientOf('interventions', { token: await tokenFor('statistician') });
    expect((await statistician.get('/v1/cases')).status).toBe(403);
  });
});
