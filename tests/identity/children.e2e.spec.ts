import { Pool } from 'pg';
import { stackDatabaseName } from '../support/caught-up';
import { eventually } from '../support/services';
import { clientOf, nikFor, places, registration, tokenFor, type Client } from '../support/registry';

const { tangerang, serang } = places;

describe('identity service: children over HTTP (real PostgreSQL and Kafka)', () => {
  let tpps: Client;
  let foreignTpps: Client;
  let admin: Client;
  let statistician: Client;
  let identityDb: Pool;

  beforeAll(async () => {
    tpps = clientOf('identity', { token: await tokenFor('tpps', tangerang.regencyCode) });
    foreignTpps = clientOf('identity', { token: await tokenFor('tpps', serang.regencyCode) });
    admin = clientOf('identity', { token: await tokenFor('admin') });
    statistician = clientOf('identity', { token: await tokenFor('statistician') });
    const url = new URL(process.env['DATABASE_URL']!);
    url.pathname = `/${stackDatabaseName('identity')}`;
    identityDb = new Pool({ connectionString: url.toString() });
  });
  afterAll(() => identityDb.end());

  describe('POST /v1/children', () => {
    it('registers a child without NIK, deriving the regency from the desa', async () => {
      const { status, body } = await tpps.post('/v1/children', registration());
      expect(status).toBe(201);
      expect(body).toEqual({
        id: expect.any(String),
        version: 1,
        regencyCode: '36.03',
        villageCode: tangerang.villageCode,
      });
    });

    it('returns the first answer to a retried POST with the same Idempotency-Key', async () => {
      const payload = registration();
      const first = await tpps.post('/v1/children', payload, { 'idempotency-key': `reg-${payload['name']}` });
      const retry = await tpps.post('/v1/children', payload, { 'idempotency-key': `reg-${payload['name']}` });
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      const reused = await tpps.post('/v1/children', registration(), { 'idempotency-key': `reg-${payload['name']}` });
      expect(reused.status).toBe(422);
      expect(reused.body.message).toContain('Idempotency-Key');
    });

    it('refuses a NIK already registered, naming the child only inside the caller’s scope', async () => {
      const nik = nikFor(tangerang.districtCode, '2024-03-01', 'female');
      const first = await tpps.post('/v1/children', registration({ nik }));
      const again = await tpps.post('/v1/children', registration({ nik }));
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ field: 'nik', existingChildId: first.body.id });
      const fromSerang = await foreignTpps.post(
        '/v1/children',
        registration({ nik, address: { villageCode: serang.villageCode } }),
      );
      expect(fromSerang.status).toBe(409);
      expect(fromSerang.body.existingChildId).toBeUndefined();
    });

    it.each([
      ['the sex part', { nik: nikFor(tangerang.districtCode, '2024-03-01', 'male'), sex: 'female' }, 'nik', /sex part/],
      ['the date part', { nik: nikFor(tangerang.districtCode, '2024-03-02', 'female') }, 'nik', /birthDate part/],
      ['the region part', { nik: nikFor('99.99.99', '2024-03-01', 'female') }, 'nik', /region part/],
      ['an unknown desa', { address: { villageCode: '36.03.20.9999' } }, 'address.villageCode', /not a known desa/],
      ['a birth date in the future', { birthDate: '2099-01-01' }, 'birthDate', /future/],
    ])('answers 422 for %s, naming the field', async (_case, overrides, field, message) => {
      const { status, body } = await tpps.post('/v1/children', registration(overrides));
      expect(status).toBe(422);
      expect(body.field).toBe(field);
      expect(body.message).toMatch(message);
    });

    it('answers 400 naming each malformed field, and refuses unknown fields', async () => {
      const { status, body } = await tpps.post('/v1/children', {
        ...registration({ name: '   ', sex: 'girl', birthDate: '01-03-2024' }),
        nickname: 'x',
      });
      expect(status).toBe(400);
      expect(body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'birthDate',
        'name',
        'nickname',
        'sex',
      ]);
    });

    it('answers 404 for a desa in another kabupaten (tenancy), and 403 to roles that may not register', async () => {
      expect((await foreignTpps.post('/v1/children', registration())).status).toBe(404);
      expect((await statistician.post('/v1/children', registration())).status).toBe(403);
      expect(
        (await clientOf('identity', { token: 'forged.token.value' }).post('/v1/children', registration())).status,
      ).toBe(401);
    });
  });

  describe('POST /v1/children:batch', () => {
    it('answers one result per item in input order; each item stands alone; a retry creates nothing twice', async () => {
      const nik = nikFor(tangerang.districtCode, '2024-03-01', 'female');
      const items = [
        registration(),
        registration({ nik }),
        registration({ nik }),
        { name: 'no sex' },
        registration({ address: { villageCode: '36.03.20.9999' } }),
      ];
      const first = await tpps.post('/v1/children:batch', { items }, { 'idempotency-key': `batch-${nik}` });
      expect(first.status).toBe(200);
      expect(first.body.results.map((r: { status: string }) => r.status)).toEqual([
        'created',
        'created',
        'already_registered',
        'rejected',
        'rejected',
      ]);
      expect(first.body.results[2].existingChildId).toBe(first.body.results[1].id);
      expect(first.body.results[3].reasons.join(' ')).toMatch(/sex/);
      const retry = await tpps.post('/v1/children:batch', { items }, { 'idempotency-key': `batch-${nik}` });
      expect(retry.body).toEqual(first.body);
    });

    it('refuses more than 5,000 items', async () => {
      const { status, body } = await tpps.post('/v1/children:batch', {
        items: Array.from({ length: 5001 }, () => ({})),
      });
      expect(status).toBe(400);
      expect(body.message).toMatch(/at most 5000/);
    });
  });

  describe('reading children', () => {
    it('shows a child with its personal data to its own TPPS, records the access, and 404 to another kabupaten', async () => {
      const nik = nikFor(tangerang.districtCode, '2024-03-01', 'female');
      const { body: created } = await tpps.post('/v1/children', registration({ nik, name: 'Putri Lestari' }));
      const { status, body } = await tpps.get(`/v1/children/${created.id}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        id: created.id,
        version: 1,
        status: 'active',
        residence: { regencyCode: '36.03', regencyName: 'Kabupaten Tangerang' },
      });
      expect(body.personalData).toMatchObject({ nik, name: 'Putri Lestari' });
      expect((await foreignTpps.get(`/v1/children/${created.id}`)).status).toBe(404);
      expect((await statistician.get(`/v1/children/${created.id}`)).status).toBe(403);
      const { rows } = await identityDb.query(
        `SELECT actor, data FROM es_events WHERE stream_id = $1 AND type = 'child.personal-data-accessed'`,
        [`access-${created.id}`],
      );
      expect(rows).toEqual([
        {
          actor: { subject: 'dev-tpps-36.03', role: 'tpps' },
          data: { childId: created.id, endpoint: 'GET /v1/children/:id' },
        },
      ]);
    });

    it('finds a child by NIK and searches a desa by part of the name', async () => {
      const nik = nikFor(tangerang.districtCode, '2024-03-01', 'female');
      const { body: created } = await tpps.post(
        '/v1/children',
        registration({ nik, name: 'Siti Rahmawati', address: { villageCode: tangerang.otherVillageCode } }),
      );
      const byNik = await tpps.get(`/v1/children?nik=${nik}`);
      expect(byNik.body.items.map((c: { id: string }) => c.id)).toEqual([created.id]);
      const byName = await tpps.get(`/v1/children?villageCode=${tangerang.otherVillageCode}&name=RAHMA`);
      expect(byName.body.items.map((c: { id: string }) => c.id)).toContain(created.id);
      expect((await foreignTpps.get(`/v1/children?nik=${nik}`)).body.items).toEqual([]);
    });
  });

  describe('changing a child', () => {
    it('corrects with If-Match; a stale version is 409, a missing one 412, a change of nothing 422', async () => {
      const { body: created } = await tpps.post('/v1/children', registration());
      const corrected = await tpps.post(
        `/v1/children/${created.id}/corrections`,
        { birthDate: '2024-02-28', name: 'Nama Baru', reason: 'copied wrongly' },
        { 'if-match': '"1"' },
      );
      expect(corrected.status).toBe(200);
      expect(corrected.body).toEqual({ id: created.id, version: 2, changedFields: ['birthDate', 'name'] });
      expect((await tpps.get(`/v1/children/${created.id}`)).body.personalData.name).toBe('Nama Baru');
      const stale = await tpps.post(
        `/v1/children/${created.id}/corrections`,
        { sex: 'male', reason: 'stale' },
        { 'if-match': '1' },
      );
      expect(stale.status).toBe(409);
      expect(stale.body.currentVersion).toBe(2);
      expect(
        (await tpps.post(`/v1/children/${created.id}/corrections`, { sex: 'male', reason: 'no version' })).status,
      ).toBe(412);
      const nothing = await tpps.post(
        `/v1/children/${created.id}/corrections`,
        { birthDate: '2024-02-28', reason: 'same again' },
        { 'if-match': '2' },
      );
      expect(nothing.status).toBe(422);
    });

    it('moves a child to another kabupaten: the new TPPS sees it from then on, the old one no longer', async () => {
      const { body: created } = await tpps.post('/v1/children', registration());
      const moved = await tpps.post(`/v1/children/${created.id}/relocations`, {
        villageCode: serang.villageCode,
        movedOn: '2025-01-10',
      });
      expect(moved.status).toBe(201);
      expect(moved.body).toMatchObject({ version: 2, regencyCode: '36.04' });
      expect((await foreignTpps.get(`/v1/children/${created.id}`)).status).toBe(200);
      expect((await tpps.get(`/v1/children/${created.id}`)).status).toBe(404);
      expect(
        (
          await foreignTpps.post(`/v1/children/${created.id}/relocations`, {
            villageCode: '36.03.20.9999',
            movedOn: '2025-02-01',
          })
        ).status,
      ).toBe(422);
    });

    it('records a death once; a second one is 409, one before birth 422', async () => {
      const { body: created } = await tpps.post('/v1/children', registration());
      expect((await tpps.post(`/v1/children/${created.id}/death`, { diedOn: '2023-01-01' })).status).toBe(422);
      expect((await tpps.post(`/v1/children/${created.id}/death`, { diedOn: '2025-06-01' })).status).toBe(201);
      expect((await tpps.post(`/v1/children/${created.id}/death`, { diedOn: '2025-06-01' })).status).toBe(409);
      expect((await tpps.get(`/v1/children/${created.id}`)).body).toMatchObject({
        status: 'died',
        diedOn: '2025-06-01',
      });
    });

    it('lists a child registered twice as a duplicate pair, merges it and unmerges it', async () => {
      const twice = registration({ name: 'Dewi Anggraini', birthDate: '2023-11-05', mother: { name: 'Rina Susanti' } });
      const { body: a } = await tpps.post('/v1/children', twice);
      const { body: b } = await tpps.post('/v1/children', {
        ...twice,
        name: 'DEWI  anggraini',
        address: { villageCode: tangerang.otherVillageCode },
      });
      const { body: duplicates } = await tpps.get('/v1/children/duplicates');
      const pair = duplicates.pairs.find(
        (p: { childId: string; otherChildId: string }) =>
          [p.childId, p.otherChildId].sort().join() === [a.id, b.id].sort().join(),
      );
      expect(pair).toMatchObject({ evidence: ['same_name_birth_date_mother'], score: expect.any(Number) });
      const merged = await tpps.post(`/v1/children/${b.id}/merge`, { intoChildId: a.id, reason: 'registered twice' });
      expect(merged.body).toMatchObject({ status: 'merged', mergedInto: a.id });
      expect((await tpps.post(`/v1/children/${b.id}/merge`, { intoChildId: a.id, reason: 'again' })).status).toBe(409);
      expect((await tpps.post(`/v1/children/${b.id}/unmerge`, { reason: 'twins after all' })).body.status).toBe(
        'active',
      );
      expect((await tpps.post(`/v1/children/${a.id}/unmerge`, { reason: 'not merged' })).status).toBe(409);
    });

    it('erases personal data for good (crypto-shredding) while the record and its events stay', async () => {
      const { body: created } = await tpps.post(
        '/v1/children',
        registration({ nik: nikFor(tangerang.districtCode, '2024-03-01', 'female') }),
      );
      expect((await tpps.post(`/v1/children/${created.id}/erasure`, { reason: 'request of the parent' })).status).toBe(
        403,
      );
      expect((await admin.post(`/v1/children/${created.id}/erasure`, { reason: 'request of the parent' })).status).toBe(
        200,
      );
      const after = await tpps.get(`/v1/children/${created.id}`);
      expect(after.body).toMatchObject({
        id: created.id,
        status: 'active',
        birthDate: '2024-03-01',
        personalData: null,
      });
      const { rows } = await identityDb.query('SELECT sealed FROM identity_personal_data WHERE child_id = $1', [
        created.id,
      ]);
      expect(rows).toHaveLength(1);
      const events = await identityDb.query(
        'SELECT type FROM es_events WHERE subject_id = $1 ORDER BY global_position',
        [created.id],
      );
      expect(events.rows.map((r: { type: string }) => r.type)).toEqual(
        expect.arrayContaining(['child.registered', 'child.personal-data-erased']),
      );
    });
  });

  describe('integration API keys', () => {
    it('issues a key shown once, accepts it for its regency only, and refuses it once revoked', async () => {
      const issued = await tpps.post('/v1/api-keys', { name: 'e2e integration', regencyCode: '36.03' });
      expect(issued.status).toBe(201);
      expect((await tpps.post('/v1/api-keys', { name: 'x', regencyCode: '36.04' })).status).toBe(404);
      const integration = clientOf('identity', { apiKey: issued.body.apiKey });
      const created = await eventually(
        () => integration.post('/v1/children', registration()),
        (r) => r.status === 201,
        'the key never became usable',
      );
      expect(created.body.regencyCode).toBe('36.03');
      expect(
        (await integration.post('/v1/children', registration({ address: { villageCode: serang.villageCode } }))).status,
      ).toBe(404);
      const listed = await tpps.get('/v1/api-keys');
      // rk_<keyId>_<secret>: the secret is base64url, which may itself hold underscores.
      const secret = /^rk_[0-9a-f]{16}_(.+)$/.exec(issued.body.apiKey)![1];
      expect(JSON.stringify(listed.body)).not.toContain(secret);
      expect((await tpps.post(`/v1/api-keys/${issued.body.keyId}/revoke`, {})).status).toBe(200);
      await eventually(
        () => integration.post('/v1/children', registration()),
        (r) => r.status === 401,
        'the revoked key was still accepted',
      );
    });
  });
});
