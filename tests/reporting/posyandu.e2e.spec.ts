// The posyandu reference list a TPPS keeps over the API (issue #26), against the running reporting service.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { serviceDb } from '../support/caught-up';
import { clientOf, tokenFor, type Client } from '../support/registry';
import { loadRegions } from '@registry/reference-data';

const REGENCY = '36.03';
const regions = loadRegions();
const [district, otherDistrict] = regions.childrenOf(REGENCY);
const village = regions.childrenOf(district.code)[0].code;
const otherVillage = regions.childrenOf(otherDistrict.code)[0].code;
const foreignVillage = regions.childrenOf(regions.childrenOf('36.01')[0].code)[0].code;

let tpps: Client;
let db: Pool;
/** A code no earlier run listed: the e2e stack's databases outlive a run. */
const newCode = () => `PSY-E2E-${randomUUID().slice(0, 8)}`;
const eventsOf = async (code: string) =>
  (
    await db.query<{ type: string }>('SELECT type FROM es_events WHERE stream_id = $1 ORDER BY stream_version', [
      `posyandu-${code}`,
    ])
  ).rows.map((row) => row.type);

beforeAll(async () => {
  tpps = clientOf('reporting', { token: await tokenFor('tpps', REGENCY) });
  db = serviceDb('reporting');
});

afterAll(async () => {
  await db.end();
});

describe('the posyandu reference list', () => {
  it('lists a posyandu, keeps a repeated PUT to one event, and records each change as a new event', async () => {
    const code = newCode();
    const body = { name: 'Posyandu Mawar', villageCode: village, puskesmasCode: 'P3603200101' };
    const listed = await tpps.put(`/v1/posyandu/${code}`, body);
    expect(listed.status).toBe(201);
    expect(listed.body).toMatchObject({
      code,
      name: 'Posyandu Mawar',
      villageCode: village,
      districtCode: district.code,
      regencyCode: REGENCY,
      puskesmasCode: 'P3603200101',
    });
    expect((await tpps.put(`/v1/posyandu/${code}`, { ...body, name: '  Posyandu   Mawar ' })).status).toBe(200);
    expect(await eventsOf(code)).toEqual(['posyandu.listed']);

    const moved = await tpps.put(`/v1/posyandu/${code}`, { name: 'Posyandu Melati', villageCode: otherVillage });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      name: 'Posyandu Melati',
      districtCode: otherDistrict.code,
      puskesmasCode: null,
    });
    expect(await eventsOf(code)).toEqual(['posyandu.listed', 'posyandu.updated']);

    const inOther = await tpps.get(`/v1/posyandu?regionCode=${otherDistrict.code}`);
    expect(inOther.status).toBe(200);
    expect(inOther.body.items.filter((p: { code: string }) => p.code === code)).toEqual([moved.body]);
    const inFirst = await tpps.get(`/v1/posyandu?regionCode=${village}`);
    expect(inFirst.body.items.map((p: { code: string }) => p.code)).not.toContain(code);
    const whole = await tpps.get('/v1/posyandu');
    expect(whole.body.items.map((p: { code: string }) => p.code)).toContain(code);
  });

  it('lists a code once when the same PUT arrives several times at once', async () => {
    const code = newCode();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        tpps.put(`/v1/posyandu/${code}`, { name: 'Posyandu Anggrek', villageCode: village }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(await eventsOf(code)).toEqual(['posyandu.listed']);
  });

  it('refuses bad input naming the field, and other kabupaten and roles', async () => {
    const code = newCode();
    const refused = [
      [await tpps.put(`/v1/posyandu/${code}`, { name: 'X', villageCode: village }), 400, 'name'],
      [await tpps.put(`/v1/posyandu/${code}`, { name: 'Posyandu Mawar', villageCode: '36.03' }), 400, 'villageCode'],
      [
        await tpps.put(`/v1/posyandu/${code}`, { name: 'Posyandu Mawar', villageCode: '36.03.99.9999' }),
        422,
        'villageCode',
      ],
      [
        await tpps.put('/v1/posyandu/kode%20dengan%20spasi', { name: 'Posyandu Mawar', villageCode: village }),
        400,
        'code',
      ],
      [await tpps.put(`/v1/posyandu/${code}`, { name: 'Posyandu Mawar', villageCode: foreignVillage }), 404, ''],
    ] as const;
    for (const [answer, status, field] of refused) {
      expect(answer.status).toBe(status);
      if (field) expect(JSON.stringify(answer.body)).toContain(field);
    }
    expect(await eventsOf(code)).toEqual([]);

    const kader = clientOf('reporting', { token: await tokenFor('kader', REGENCY, { villageCodes: [village] }) });
    expect((await kader.put(`/v1/posyandu/${code}`, { name: 'Posyandu Mawar', villageCode: village })).status).toBe(
      403,
    );

    // A code belongs to one kabupaten: even an admin cannot carry it to another.
    const admin = clientOf('reporting', { token: await tokenFor('admin') });
    expect((await admin.put(`/v1/posyandu/${code}`, { name: 'Posyandu Mawar', villageCode: village })).status).toBe(
      201,
    );
    const elsewhere = await admin.put(`/v1/posyandu/${code}`, { name: 'Posyandu Mawar', villageCode: foreignVillage });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.message).toContain(`listed in kabupaten ${REGENCY}`);
    const statistician = clientOf('reporting', { token: await tokenFor('statistician') });
    expect((await statistician.get('/v1/posyandu')).status).toBe(400);
  });
});
