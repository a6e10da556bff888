import { uuidV7 } from '@registry/contracts';
import { serviceDb } from '../support/caught-up';
import { clientOf, registration, tokenFor, type Client } from '../support/registry';
import { databaseOf, request, serviceUrl } from '../support/services';
import {
  monthsFrom,
  randomPlaces,
  sponsorshipCaughtUp,
  timelineCaughtUp,
  today,
  type Place,
} from './sponsorship-fixtures';

/** Each request of the sponsorship API, its access rules and every rejection, against the running services. */
describe('sponsorship service: sponsors, pledges, contributions and ends over HTTP (real PostgreSQL and Kafka)', () => {
  const [place, foreignPlace] = randomPlaces(2);
  let identity: Client;
  let foreignIdentity: Client;
  let sponsorship: Client;
  let foreignSponsorship: Client;
  let statistician: Client;

  const registerChild = async (overrides: Record<string, unknown> = {}, at: Place = place) => {
    const { status, body } = await (at === place ? identity : foreignIdentity).post(
      '/v1/children',
      registration({ birthDate: monthsFrom(today(), -18, 1), address: { villageCode: at.villageCode }, ...overrides }),
    );
    expect(status).toBe(201);
    return body.id as string;
  };
  const registerSponsor = async (overrides: Record<string, unknown> = {}) => {
    const { status, body } = await sponsorship.post('/v1/sponsors', {
      type: 'company',
      name: 'PT Sumber Pangan Sejahtera',
      contact: '+62 812 0000 1111',
      regencyCode: place.regencyCode,
      ...overrides,
    });
    expect(status).toBe(201);
    return body.sponsorId as string;
  };
  const commitment = (overrides: Record<string, unknown> = {}) => ({
    kind: 'pmt',
    description: 'Paket PMT Rp 17.500 per hari',
    amountIdr: 525_000,
    startOn: monthsFrom(today(), -1, 1),
    months: 6,
    ...overrides,
  });
  const pledge = (sponsorId: string, childId: string, overrides: Record<string, unknown> = {}) =>
    sponsorship.post('/v1/sponsorships', {
      sponsorId,
      childId,
      commitment: commitment(),
      agreementRef: 'BA Rembuk Stunting 2025 No. 12',
      ...overrides,
    });

  beforeAll(async () => {
    const token = await tokenFor('tpps', place.regencyCode);
    identity = clientOf('identity', { token });
    sponsorship = clientOf('sponsorship', { token });
    const foreignToken = await tokenFor('tpps', foreignPlace.regencyCode);
    foreignIdentity = clientOf('identity', { token: foreignToken });
    foreignSponsorship = clientOf('sponsorship', { token: foreignToken });
    statistician = clientOf('sponsorship', { token: await tokenFor('statistician') });
  });

  describe('POST /v1/sponsors', () => {
    it('registers a sponsor, seals its name and contact, and issues portal credentials for it', async () => {
      const contact = `kontak-${uuidV7()}@contoh.co.id`;
      const { status, body } = await sponsorship.post('/v1/sponsors', {
        type: 'individual',
        name: 'Budi Santoso',
        contact,
        regencyCode: place.regencyCode,
      });
      expect(status).toBe(201);
      expect(body).toEqual({
        sponsorId: expect.any(String),
        type: 'individual',
        regencyCode: place.regencyCode,
        portal: { kind: 'token', role: 'sponsor', token: expect.any(String), expiresAt: expect.any(String) },
      });
      const portal = clientOf('sponsorship', { token: body.portal.token });
      expect(await portal.get('/v1/portal/children')).toMatchObject({ status: 200, body: { items: [] } });

      const db = serviceDb('sponsorship', await databaseOf('sponsorship'));
      try {
        const { rows: events } = await db.query(`SELECT data FROM es_events WHERE stream_id = $1`, [
          `sponsor-${body.sponsorId}`,
        ]);
        expect(events).toEqual([
          {
            data: {
              sponsorId: body.sponsorId,
              type: 'individual',
              regencyCode: place.regencyCode,
              personalDataVersion: 1,
              personalDataHash: expect.stringMatching(/^[0-9a-f]{64}$/),
            },
          },
        ]);
        const { rows: sealed } = await db.query(
          'SELECT sealed FROM sponsorship_sponsor_personal_data WHERE sponsor_id = $1',
          [body.sponsorId],
        );
        expect(sealed[0].sealed).not.toContain(contact);
        expect(sealed[0].sealed).not.toContain('Budi');

        const read = await sponsorship.get(`/v1/sponsors/${body.sponsorId}`);
        expect(read.body).toMatchObject({ id: body.sponsorId, personalData: { name: 'Budi Santoso', contact } });
        const { rows: reads } = await db.query(
          'SELECT actor, endpoint FROM sponsorship_personal_data_reads WHERE sponsor_id = $1',
          [body.sponsorId],
        );
        expect(reads).toEqual([
          { actor: { subject: `dev-tpps-${place.regencyCode}`, role: 'tpps' }, endpoint: 'GET /v1/sponsors/:id' },
        ]);
      } finally {
        await db.end();
      }
      expect((await foreignSponsorship.get(`/v1/sponsors/${body.sponsorId}`)).status).toBe(404);
      expect((await portal.get(`/v1/sponsors/${body.sponsorId}`)).status).toBe(403);
    });

    it('returns the same sponsor to a retried POST with the same Idempotency-Key, with a fresh token', async () => {
      const payload = { type: 'tni', name: 'Kodim 0506', contact: 'Babinsa Desa', regencyCode: place.regencyCode };
      const key = `sponsor-${uuidV7()}`;
      const first = await sponsorship.post('/v1/sponsors', payload, { 'idempotency-key': key });
      const retry = await sponsorship.post('/v1/sponsors', payload, { 'idempotency-key': key });
      expect(retry.status).toBe(201);
      expect(retry.body.sponsorId).toBe(first.body.sponsorId);
      const fresh = await sponsorship.post(`/v1/sponsors/${first.body.sponsorId}/portal-tokens`, {});
      expect(fresh).toMatchObject({
        status: 201,
        body: { sponsorId: first.body.sponsorId, portal: { kind: 'token' } },
      });
      expect((await foreignSponsorship.post(`/v1/sponsors/${first.body.sponsorId}/portal-tokens`, {})).status).toBe(
        404,
      );
    });

    it('answers 400 naming malformed fields, 422 for an unknown regency, 404 for another, 401/403 to others', async () => {
      const malformed = await sponsorship.post('/v1/sponsors', { type: 'bank', name: 'X Bank', regencyCode: '3603' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'contact',
        'regencyCode',
        'type',
      ]);
      const sponsor = { type: 'ngo', name: 'Yayasan Gizi', contact: '021-555', regencyCode: '99.99' };
      expect(await sponsorship.post('/v1/sponsors', sponsor)).toMatchObject({
        status: 422,
        body: { field: 'regencyCode' },
      });
      expect(
        (await sponsorship.post('/v1/sponsors', { ...sponsor, regencyCode: foreignPlace.regencyCode })).status,
      ).toBe(404);
      expect((await statistician.post('/v1/sponsors', { ...sponsor, regencyCode: place.regencyCode })).status).toBe(
        403,
      );
      expect((await request('POST', serviceUrl('sponsorship', '/v1/sponsors'), sponsor)).status).toBe(401);
    });
  });

  describe('POST /v1/sponsorships', () => {
    it('pledges several sponsors to one child; the same sponsor overlapping in time is 409', async () => {
      const childId = await registerChild();
      const [first, second] = [await registerSponsor(), await registerSponsor({ type: 'baznas', name: 'BAZNAS' })];
      await sponsorshipCaughtUp(['identity']);
      const pledged = await pledge(first, childId);
      expect(pledged.status).toBe(201);
      expect(pledged.body).toMatchObject({
        id: expect.any(String),
        sponsorId: first,
        childId,
        regencyCode: place.regencyCode,
        status: 'active',
        commitment: commitment(),
        fulfilment: { monthsDue: 2, pledgedToDateIdr: 1_050_000, contributedIdr: 0 },
      });
      expect((await pledge(second, childId)).status).toBe(201);
      const overlapping = await pledge(first, childId, {
        commitment: commitment({ startOn: monthsFrom(today(), 3, 1), months: 2 }),
      });
      expect(overlapping.status).toBe(409);
      expect(overlapping.body).toMatchObject({ field: 'commitment.startOn' });
      expect(overlapping.body.message).toContain(pledged.body.id);
      const after = await pledge(first, childId, { commitment: commitment({ startOn: monthsFrom(today(), 5, 1) }) });
      expect(after.status).toBe(201);
    });

    it('answers 422 naming childId for a child unknown, of another kabupaten, who died or aged out', async () => {
      const sponsorId = await registerSponsor();
      const died = await registerChild();
      const agedOut = await registerChild({ birthDate: monthsFrom(today(), -61, 1) });
      const foreign = await registerChild({}, foreignPlace);
      expect((await identity.post(`/v1/children/${died}/death`, { diedOn: today() })).status).toBe(201);
      await sponsorshipCaughtUp(['identity']);
      const refusals = await Promise.all(
        [uuidV7(), foreign, died, agedOut].map((childId) => pledge(sponsorId, childId)),
      );
      expect(refusals.map((r) => [r.status, r.body.field])).toEqual(Array(4).fill([422, 'childId']));
      expect(refusals[2].body.message).toMatch(/died/);
      expect(refusals[3].body.message).toMatch(/60 months/);
      expect((await pledge(uuidV7(), died)).body).toMatchObject({ field: 'sponsorId' });
    });

    it.each([
      ['a fractional amount', { amountIdr: 17500.5 }, 'commitment.amountIdr'],
      ['a negative amount', { amountIdr: -525000 }, 'commitment.amountIdr'],
      ['an absurd amount', { amountIdr: 52_500_000_000 }, 'commitment.amountIdr'],
      ['cash without amount', { kind: 'cash', amountIdr: undefined }, 'commitment.amountIdr'],
      ['fractional months', { months: 2.5 }, 'commitment.months'],
      ['a start years ahead', { startOn: monthsFrom(today(), 30, 1) }, 'commitment.startOn'],
    ])('answers 422 for %s, naming the field', async (_case, overrides, field) => {
      const childId = await registerChild();
      const sponsorId = await registerSponsor();
      await sponsorshipCaughtUp(['identity']);
      const { status, body } = await pledge(sponsorId, childId, { commitment: commitment(overrides) });
      expect({ status, field: body.field }).toEqual({ status: 422, field });
      expect(body.message).toMatch(new RegExp(`^${field.replace('.', '\\.')}: `));
    });

    it('answers 400 for malformed fields and 403 to a sponsor', async () => {
      const malformed = await sponsorship.post('/v1/sponsorships', {
        sponsorId: 'nope',
        childId: uuidV7(),
        commitment: { ...commitment(), amountIdr: '525000', kind: 'gold' },
        agreementRef: 'BA',
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
        'agreementRef',
        'commitment.amountIdr',
        'commitment.kind',
        'sponsorId',
      ]);
      const sponsor = clientOf('sponsorship', { token: await tokenFor('sponsor', undefined, { sponsorId: uuidV7() }) });
      expect((await sponsor.post('/v1/sponsorships', {})).status).toBe(403);
      expect((await sponsor.get('/v1/sponsorships')).status).toBe(403);
      expect((await sponsor.get(`/v1/sponsorships/candidates?districtCode=${place.districtCode}`)).status).toBe(403);
    });
  });

  describe('contributions and ends', () => {
    let sponsorshipId: string;
    let childId: string;

    beforeAll(async () => {
      childId = await registerChild();
      const sponsorId = await registerSponsor();
      await sponsorshipCaughtUp(['identity']);
      sponsorshipId = (await pledge(sponsorId, childId)).body.id;
    });

    it('records cash and goods with evidence, answering the fulfilment after it; a retry records nothing twice', async () => {
      const key = `contribution-${uuidV7()}`;
      const cash = { date: monthsFrom(today(), -1, 2), amountIdr: 525_000, evidenceRef: 'kwitansi/001' };
      const first = await sponsorship.post(`/v1/sponsorships/${sponsorshipId}/contributions`, cash, {
        'idempotency-key': key,
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        sponsorshipId,
        ...cash,
        items: null,
        fulfilment: { contributedIdr: 525_000 },
      });
      const retry = await sponsorship.post(`/v1/sponsorships/${sponsorshipId}/contributions`, cash, {
        'idempotency-key': key,
      });
      expect(retry.body).toEqual(first.body);
      const goods = await sponsorship.post(`/v1/sponsorships/${sponsorshipId}/contributions`, {
        date: today(),
        items: [{ name: 'telur ayam', quantity: 30, unit: 'butir' }],
      });
      expect(goods.body.fulfilment).toMatchObject({ contributions: 2, contributedIdr: 525_000 });
    });

    it.each([
      ['a fractional amount', { amountIdr: 1000.5 }, 'amountIdr'],
      ['a negative amount', { amountIdr: -1000 }, 'amountIdr'],
      ['an absurd amount', { amountIdr: 5_000_000_000 }, 'amountIdr'],
      ['neither amount nor items', {}, 'amountIdr'],
      ['a negative quantity', { items: [{ name: 'telur', quantity: -30, unit: 'butir' }] }, 'items[0].quantity'],
      ['a date in the future', { amountIdr: 1000, date: monthsFrom(today(), 1) }, 'date'],
      ['a date before the start', { amountIdr: 1000, date: monthsFrom(today(), -2, 1) }, 'date'],
    ])('answers 422 for %s, naming the field', async (_case, overrides, field) => {
      const { status, body } = await sponsorship.post(`/v1/sponsorships/${sponsorshipId}/contributions`, {
        date: today(),
        ...overrides,
      });
      expect({ status, field: body.field }).toEqual({ status: 422, field });
    });

    it('answers 400 for an amount in text, 404 for an unknown sponsorship or another kabupaten', async () => {
      const route = `/v1/sponsorships/${sponsorshipId}/contributions`;
      expect((await sponsorship.post(route, { date: today(), amountIdr: 'Rp 5.000' })).status).toBe(400);
      expect((await sponsorship.post(`/v1/sponsorships/${uuidV7()}/contributions`, { date: today() })).status).toBe(
        404,
      );
      expect((await foreignSponsorship.post(route, { date: today(), amountIdr: 1000 })).status).toBe(404);
      const end = { reason: 'not ours to end' };
      expect((await foreignSponsorship.post(`/v1/sponsorships/${sponsorshipId}/end`, end)).status).toBe(404);
    });

    it('ends once with a notice; then only earlier contributions are accepted; the timeline shows it all', async () => {
      const ended = await sponsorship.post(`/v1/sponsorships/${sponsorshipId}/end`, {
        reason: 'The sponsor withdrew at the Rembuk Stunting',
      });
      expect(ended.status).toBe(200);
      expect(ended.body).toMatchObject({
        id: sponsorshipId,
        status: 'ended',
        endedOn: today(),
        endCause: 'requested',
        notice: expect.stringContaining('The sponsor withdrew at the Rembuk Stunting'),
      });
      expect((await sponsorship.post(`/v1/sponsorships/${sponsorshipId}/end`, { reason: 'again' })).status).toBe(409);
      const late = await sponsorship.post(`/v1/sponsorships/${sponsorshipId}/contributions`, {
        date: today(),
        amountIdr: 1000,
      });
      expect(late.body).toMatchObject({ field: 'date' });
      expect(late.body.message).toMatch(/ended on/);

      await timelineCaughtUp();
      const reporting = clientOf('reporting', { token: await tokenFor('tpps', place.regencyCode) });
      const { body: timeline } = await reporting.get(`/v1/children/${childId}/timeline`);
      const sponsorshipEvents = timeline.events.filter((e: { source: string }) => e.source === 'sponsorship');
      expect(sponsorshipEvents.map((e: { type: string }) => e.type)).toEqual([
        'sponsorship.pledged',
        'sponsorship.contribution-recorded',
        'sponsorship.contribution-recorded',
        'sponsorship.ended',
      ]);
      expect(timeline.verification.every((v: { ok: boolean }) => v.ok)).toBe(true);
    });
  });
});
