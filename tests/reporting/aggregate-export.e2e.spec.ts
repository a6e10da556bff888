import { todayInIndonesia, TopicByService } from '@registry/contracts';
import { loadGrowthStandards } from '@registry/reference-data';
import { waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, randomVillage, registration, tokenFor, type Client } from '../support/registry';
import { request, serviceUrl } from '../support/services';

/** The day the expected assessments are made on, as the services judge them: today in Indonesia. */
const TODAY = { today: todayInIndonesia(new Date()) };

/*
 * Issue #28's aggregate exports (ADX and DHIS2 dataValueSets) against the figures the running system already
 * publishes: the CSV export for stunting, the prevalence reports for wasting and underweight. Nothing expected here
 * is a hard-coded count: the totals are read from those reports, the split by sex from the WHO standards.
 */

const standards = loadGrowthStandards();

const caughtUp = async () => {
  await Promise.all([waitForRelay('identity'), waitForRelay('intake')]);
  await waitForCaughtUp('reporting', {
    'reporting-children': [TopicByService.identity],
    'reporting-measurements': [TopicByService.intake],
  });
};

/** `orgUnit|dataElement|categoryOptionCombo` → value, the combination named as the README's table names it. */
type Values = Map<string, number>;

const comboOf = (ageGroup: string, sex: string | undefined) => (sex ? `${ageGroup}_${sex}` : ageGroup);

/** The values, and each group's period and data set. */
function parseAdx(xml: string): { periods: string[]; values: Values } {
  const values: Values = new Map();
  const periods: string[] = [];
  for (const group of xml.matchAll(
    /<group orgUnit="([^"]+)" period="([^"]+)" dataSet="(TPPS_STUNTING_[A-Z]+)">([\s\S]*?)<\/group>/g,
  )) {
    periods.push(`${group[2]} ${group[3]}`);
    for (const value of group[4].matchAll(/<dataValue ([^>]*)\/>/g)) {
      const attributes = Object.fromEntries([...value[1].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      values.set(
        `${group[1]}|${attributes['dataElement']}|${comboOf(attributes['AGE_GROUP'], attributes['SEX'])}`,
        Number(attributes['value']),
      );
    }
  }
  return { periods, values };
}

describe('reporting: aggregate export for national systems (ADX, DHIS2), equal to the CSV export', () => {
  const place = randomVillage();
  let statistician: Client;
  let token: string;
  let statisticianToken: string;

  const adx = async (query: string) => {
    const response = await fetch(serviceUrl('reporting', `/v1/exports/adx?${query}`), {
      headers: { authorization: `Bearer ${statisticianToken}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/adx+xml');
    return parseAdx(await response.text());
  };
  const dhis2 = async (query: string): Promise<{ period: string; dataSet: string; values: Values }> => {
    const { status, body } = await statistician.get(`/v1/exports/dhis2/data-value-sets?${query}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ idScheme: 'CODE' });
    const values: Values = new Map();
    for (const v of body.dataValues) {
      expect(v.period).toBe(body.period);
      values.set(`${v.orgUnit}|${v.dataElement}|${v.categoryOptionCombo}`, Number(v.value));
    }
    return { period: body.period, dataSet: body.dataSet, values };
  };
  const csvRow = async (query: string, code: string) => {
    const response = await fetch(serviceUrl('reporting', `/v1/exports/stunting-prevalence.csv?${query}`), {
      headers: { authorization: `Bearer ${statisticianToken}` },
    });
    const lines = (await response.text()).trim().split('\n');
    const header = lines.find((line) => line.startsWith('code,'))!.split(',');
    const line = lines.find((l) => l.startsWith(`${code},`))?.split(',');
    return line ? Object.fromEntries(header.map((h, i) => [h, line[i]])) : undefined;
  };

  // Boys and girls, baduta and older balita, measured in August 2025 (one of them also in March).
  const birthDates = { baduta: '2024-06-10', older: '2022-03-01' };
  const children = [
    ...[66, 70, 72, 74, 77, 80].map((heightCm) => ({
      sex: 'male' as const,
      birthDate: birthDates.baduta,
      heightCm,
      weightKg: 9,
    })),
    ...[86, 90, 95, 99].map((heightCm) => ({
      sex: 'male' as const,
      birthDate: birthDates.older,
      heightCm,
      weightKg: 13,
    })),
    ...[65, 69, 73, 78].map((heightCm) => ({
      sex: 'female' as const,
      birthDate: birthDates.baduta,
      heightCm,
      weightKg: 8,
    })),
    ...[84, 88, 96].map((heightCm) => ({
      sex: 'female' as const,
      birthDate: birthDates.older,
      heightCm,
      weightKg: 12,
    })),
  ];
  const measuredOn = '2025-08-12';
  let measurementIds: string[] = [];

  beforeAll(async () => {
    token = await tokenFor('tpps', place.regencyCode);
    statisticianToken = await tokenFor('statistician');
    statistician = clientOf('reporting', { token: statisticianToken });
    const identity = clientOf('identity', { token });
    const intake = clientOf('intake', { token });
    const { body: batch } = await identity.post('/v1/children:batch', {
      items: children.map(({ sex, birthDate }) =>
        registration({ sex, birthDate, address: { villageCode: place.villageCode } }),
      ),
    });
    const ids: string[] = batch.results.map((r: { id: string }) => r.id);
    const visit = (i: number, on: string, heightCm: number) => ({
      childId: ids[i],
      measuredOn: on,
      heightCm,
      weightKg: children[i].weightKg,
      position: 'lying',
      puskesmasCode: 'PKM-TEST',
    });
    const { body: recorded } = await intake.post('/v1/measurements:batch', {
      items: [...children.map((child, i) => visit(i, measuredOn, child.heightCm)), visit(0, '2025-03-03', 62)],
    });
    expect(recorded.results.every((r: { status: string }) => r.status === 'created')).toBe(true);
    measurementIds = recorded.results.map((r: { measurement: { id: string } }) => r.measurement.id);
    await caughtUp();
  });

  it('gives the CSV export’s figures for every regency (public and internal), the prevalence reports’ for wasting and underweight', async () => {
    for (const period of ['2025', '2025-08']) {
      for (const isPublic of [true, false]) {
        const query = `period=${period}&level=regency&regionCode=${place.regencyCode}&public=${isPublic}`;
        const exported = await adx(query);
        for (const ageGroup of ['baduta', 'balita']) {
          const combo = ageGroup.toUpperCase();
          const key = (element: string) => `${place.regencyCode}|${element}|${combo}`;
          const csv = await csvRow(`period=${period}&ageGroup=${ageGroup}&public=${isPublic}`, place.regencyCode);
          expect(csv).toBeDefined();
          const blankOr = (text: string) => (text === '' ? undefined : Number(text));
          expect(exported.values.get(key('STUNTING_MEASURED'))).toBe(blankOr(csv!['measured']));
          const cases = csv!['stunted'] === '' ? undefined : Number(csv!['stunted']) + Number(csv!['severelyStunted']);
          expect(exported.values.get(key('STUNTING_CASES'))).toBe(cases);
          for (const indicator of ['wasting', 'underweight', 'stunting']) {
            const { body } = await statistician.get(
              `/v1/reports/${indicator}-prevalence?period=${period}&groupBy=regency&regencyCode=${place.regencyCode}&ageGroup=${ageGroup}&public=${isPublic}`,
            );
            const row = body.rows[0];
            const name = indicator.toUpperCase();
            expect(exported.values.get(key(`${name}_MEASURED`))).toBe(row.measured ?? undefined);
            expect(exported.values.get(key(`${name}_CASES`))).toBe(row.cases ?? undefined);
          }
        }
        // The DHIS2 payload carries the same values as the ADX message.
        const json = await dhis2(query);
        expect(json.period).toBe(period.replace('-', ''));
        expect(json.dataSet).toBe(period === '2025' ? 'TPPS_STUNTING_YEARLY' : 'TPPS_STUNTING_MONTHLY');
        expect(json.values).toEqual(exported.values);
      }
    }
  });

  it('splits each figure by sex: boys and girls add up to the total, each as the WHO standards class them', async () => {
    const { values } = await adx(`period=2025-08&level=village&regionCode=${place.villageCode}&public=false`);
    for (const indicator of ['STUNTING', 'WASTING', 'UNDERWEIGHT'])
      for (const measure of ['MEASURED', 'CASES'])
        for (const ageGroup of ['BADUTA', 'BALITA']) {
          const cell = (element: string, sex?: string) =>
            values.get(`${place.villageCode}|${element}|${comboOf(ageGroup, sex)}`) ?? 0;
          const total = cell(`${indicator}_${measure}`);
          expect(
            cell(`${indicator}_${measure}_BY_SEX`, 'MALE') + cell(`${indicator}_${measure}_BY_SEX`, 'FEMALE'),
          ).toBe(total);
        }
    // Stunting by sex, balita: every child's August measurement, classed from the raw inputs.
    for (const sex of ['male', 'female'] as const) {
      const assessed = children
        .filter((child) => child.sex === sex)
        .map((child) => standards.assess({ ...child, measuredOn, position: 'lying' }, TODAY));
      const valid = assessed.filter((a) => !a.flags.heightForAge);
      const stunted = valid.filter((a) =>
        ['stunted', 'severely_stunted'].includes(a.classifications.heightForAge!.code),
      );
      const combo = comboOf('BALITA', sex.toUpperCase());
      expect(values.get(`${place.villageCode}|STUNTING_MEASURED_BY_SEX|${combo}`)).toBe(valid.length);
      expect(values.get(`${place.villageCode}|STUNTING_CASES_BY_SEX|${combo}`)).toBe(stunted.length);
    }
    // Public: a sex is shown only with the other, so neither can be read from the total.
    const published = (await adx(`period=2025-08&level=village&regionCode=${place.villageCode}`)).values;
    for (const key of published.keys())
      if (key.endsWith('_MALE')) expect(published.has(key.replace(/_MALE$/, '_FEMALE'))).toBe(true);
  });

  it('exports a quarter (ISO start/duration in ADX, 2025Q3 in DHIS2) equal to its only measured month, and as it was known (asOf)', async () => {
    const village = `level=village&regionCode=${place.villageCode}&public=false`;
    const quarter = await adx(`period=2025Q3&${village}`);
    const august = await adx(`period=2025-08&${village}`);
    expect(quarter.periods).toEqual(['2025-07-01/P3M TPPS_STUNTING_QUARTERLY']);
    expect(august.periods).toEqual(['2025-08-01/P1M TPPS_STUNTING_MONTHLY']);
    expect(quarter.values).toEqual(august.values);
    expect(quarter.values.size).toBeGreaterThan(0);
    expect(await dhis2(`period=2025Q3&${village}`)).toMatchObject({
      period: '2025Q3',
      dataSet: 'TPPS_STUNTING_QUARTERLY',
    });
    // The year counts child 0 once, with its August measurement, not its March one.
    expect((await adx(`period=2025&${village}`)).values).toEqual(august.values);

    const asOf = new Date().toISOString();
    const intake = clientOf('intake', { token });
    expect((await intake.post(`/v1/measurements/${measurementIds[1]}/void`, { reason: 'wrong child' })).status).toBe(
      200,
    );
    await caughtUp();
    const now = await adx(`period=2025Q3&${village}`);
    const then = await adx(`period=2025Q3&${village}&asOf=${encodeURIComponent(asOf)}`);
    expect(then.values).toEqual(quarter.values);
    // Child 1 (a boy of 14 months, 70 cm: stunted, not flagged) is no longer counted.
    for (const combo of ['BADUTA', 'BALITA', 'BADUTA_MALE', 'BALITA_MALE'])
      for (const element of ['STUNTING_MEASURED', 'STUNTING_CASES']) {
        const key = `${place.villageCode}|${element}${combo.includes('_') ? '_BY_SEX' : ''}|${combo}`;
        expect(now.values.get(key)).toBe(quarter.values.get(key)! - 1);
      }
  });

  it('refuses other roles, and names the field of a bad request', async () => {
    const tpps = clientOf('reporting', { token });
    const refused = await tpps.get('/v1/exports/adx?period=2025');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/json');
    expect((await tpps.get('/v1/exports/dhis2/data-value-sets?period=2025')).status).toBe(403);
    for (const [query, field] of [
      ['period=2025Q5', /period must be a year \(2026\), a quarter \(2026Q3\) or a month/],
      ['period=2025&level=posyandu', /level must be province, regency, district or village/],
      ['period=2025&asOf=yesterday', /asOf must be an ISO 8601 instant/],
    ] as const) {
      const bad = await statistician.get(`/v1/exports/adx?${query}`);
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/json');
      expect(JSON.stringify(bad.body)).toMatch(field);
    }
    expect((await request('GET', serviceUrl('reporting', '/v1/exports/adx?period=2025'))).status).toBe(401);
  });
});
