// The TPPS dashboard in Debian's Chromium, against the running services: every screen shows what the API answers
// for the same query. One file because the screens share one seeded kabupaten, one browser and one signed-in page.
import { TopicByService } from '@registry/contracts';
import { loadRegions } from '@registry/reference-data';
import { waitForCaughtUp, waitForRelay } from '../support/caught-up';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clientOf, registration, tokenFor, type Client } from '../support/registry';
import { eventually, servicePorts, type ServiceName } from '../support/services';
import {
  checkAccessibleAndShoot,
  idNumber,
  pageWithToken,
  startDashboard,
  type DashboardFixture,
} from './dashboard-fixture';

// A kabupaten no other e2e test writes to, so every figure on screen is this file's own.
const REGENCY = '36.01';
const FOREIGN = '36.04';

let fixture: DashboardFixture;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let reporting: Client;
let identity: Client;
let intake: Client;
let interventions: Client;
const year = String(new Date().getFullYear());

const noSeriousViolations = (screen: string) => checkAccessibleAndShoot(page, screen);

beforeAll(async () => {
  const token = await tokenFor('tpps', REGENCY);
  reporting = clientOf('reporting', { token });
  identity = clientOf('identity', { token });
  intake = clientOf('intake', { token });
  interventions = clientOf('interventions', { token });
  // The by-name list must always run past one page of 50: at 80 children and 20 % stunting CI once saw 22 on it;
  // 60 % of 120 puts the stunted alone near 72, more than 3 standard deviations above 50.
  fixture = await startDashboard(REGENCY, '36.02', { children: 120, prevalencePct: 60 });
  origin = fixture.origin;
  browser = fixture.browser;
  context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 900 } });
  // A loaded 2-core machine (the whole suite runs beside the services) can take seconds per screen.
  context.setDefaultTimeout(60_000);
  page = await context.newPage();
}, 300_000);

afterAll(async () => {
  await fixture?.close();
});

describe('the TPPS dashboard in a real browser', () => {
  it('signs a first-time user in with two clicks and shows the overview equal to the prevalence API', async () => {
    await page.goto(origin); // click 1: the address npm start prints
    await page.getByRole('button', { name: `TPPS kabupaten ${REGENCY}` }).click(); // click 2
    await page.getByRole('heading', { name: 'Ringkasan' }).waitFor();

    const total = await reporting.get(`/v1/reports/stunting-prevalence?period=${year}&groupBy=regency`);
    expect(total.status).toBe(200);
    const [row] = total.body.rows;
    expect(row.measured).toBeGreaterThan(0);
    await expect(page.getByTestId('total-measured').textContent()).resolves.toBe(idNumber(row.measured));
    await expect(page.getByTestId('total-cases').textContent()).resolves.toBe(idNumber(row.cases));
    await expect(page.getByTestId('total-prevalence').textContent()).resolves.toBe(
      `${idNumber(row.prevalencePct, 1)} %`,
    );

    const districts = await reporting.get(`/v1/reports/stunting-prevalence?period=${year}&groupBy=district`);
    const table = page.getByTestId('prevalence-table');
    await table.waitFor();
    for (const district of districts.body.rows) {
      const line = table.locator(`tr[data-code="${district.code}"]`);
      await expect(line.locator('[data-field="measured"]').textContent()).resolves.toBe(idNumber(district.measured));
    }
    await expect(table.locator('tbody tr').count()).resolves.toBe(districts.body.rows.length);
    await noSeriousViolations('ringkasan');

    // By posyandu: each row named from the TPPS's list, the weighings at no posyandu as "Tanpa posyandu".
    const byPosyandu = await reporting.get(`/v1/reports/stunting-prevalence?period=${year}&groupBy=posyandu`);
    expect(byPosyandu.body.rows.length).toBeGreaterThan(1);
    await page.getByLabel('Menurut').selectOption('posyandu');
    await table.locator(`tr[data-code="${byPosyandu.body.rows.at(-1).code}"]`).waitFor();
    for (const posyandu of byPosyandu.body.rows) {
      const line = table.locator(`tr[data-code="${posyandu.code}"]`);
      await expect(line.locator('th').textContent()).resolves.toBe(
        posyandu.name ?? (posyandu.code || 'Tanpa posyandu'),
      );
      await expect(line.locator('[data-field="measured"]').textContent()).resolves.toBe(idNumber(posyandu.measured));
    }
    await expect(table.locator('tbody tr').count()).resolves.toBe(byPosyandu.body.rows.length);
    await page.getByLabel('Menurut').selectOption('district');

    // A tablet held upright: the same overview, nothing wider than the screen.
    await page.setViewportSize({ width: 820, height: 1180 });
    // (the chart redraws at the new width on the resize event: wait for it, then the page must fit)
    await page.waitForFunction('document.documentElement.scrollWidth <= window.innerWidth', undefined, {
      timeout: 10_000,
    });
    await noSeriousViolations('ringkasan-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('lists the priority children by name exactly as the by-name API does, page by page and by reason', async () => {
    // The list is read from its own projection: everything the seeding wrote is in it first.
    await waitForRelay('intake');
    await waitForCaughtUp('reporting', { 'reporting-child-status': [TopicByService.identity, TopicByService.intake] });
    const first = await reporting.get('/v1/reports/priority-children?limit=50&offset=0');
    expect(first.body.total).toBeGreaterThan(50);
    await page.getByRole('link', { name: 'Daftar prioritas' }).click();
    await page.getByTestId('priority-table').waitFor();
    await expect(page.getByTestId('priority-count').textContent()).resolves.toBe(`${idNumber(first.body.total)} anak`);
    const shows = async (names: string[], what: string) => {
      const shown = await eventually(
        () => page.getByTestId('priority-table').locator('tbody th a').allTextContents(),
        (texts) => JSON.stringify(texts) === JSON.stringify(names),
        `the table shows ${what}`,
      );
      expect(shown).toEqual(names);
    };
    const namesOf = (body: { items: { person: { name: string } }[] }) => body.items.map((item) => item.person.name);
    // Page by page (50 a page), in the API's order.
    await shows(namesOf(first.body), 'the first page');
    const second = await reporting.get('/v1/reports/priority-children?limit=50&offset=50');
    await page.getByRole('button', { name: /Berikutnya/ }).click();
    await shows(namesOf(second.body), 'the second page');
    const twoT = await reporting.get('/v1/reports/priority-children?reason=two_t&limit=50');
    await page.getByLabel('Masalah').selectOption('two_t');
    await shows(namesOf(twoT.body), 'the 2T children');
    await expect(page.getByTestId('priority-count').textContent()).resolves.toBe(`${idNumber(twoT.body.total)} anak`);
    await page.getByLabel('Masalah').selectOption('');

    // A posyandu the TPPS lists is offered by name in the filter, and its children are the API's for that code.
    const weighed = first.body.items.find((item: { posyanduCode: string | null }) => item.posyanduCode);
    const code: string = weighed.posyanduCode;
    const { body: child } = await identity.get(`/v1/children/${weighed.childId}`);
    const listed = await reporting.put(`/v1/posyandu/${code}`, {
      name: `Posyandu Uji ${code.slice(-4)}`,
      villageCode: child.residence.villageCode,
    });
    expect([200, 201]).toContain(listed.status);
    await page.reload();
    await expect(
      page.getByTestId('posyandu-options').locator(`option[value="${code}"]`).getAttribute('label'),
    ).resolves.toBe(listed.body.name);
    const atPosyandu = await reporting.get(`/v1/reports/priority-children?posyanduCode=${code}&limit=50`);
    await page.getByLabel('Posyandu').fill(code);
    await shows(namesOf(atPosyandu.body), `the children of posyandu ${code}`);
    await page.getByLabel('Posyandu').fill('');
    await noSeriousViolations('daftar-prioritas');
  });

  it("shows a child's measurements with the API's z-scores and plots each point at its z-score", async () => {
    const { body: priority } = await reporting.get('/v1/reports/priority-children');
    const childId: string = priority.items[0].childId;
    const { body: history } = await intake.get(`/v1/children/${childId}/measurements`);
    await page.goto(`${origin}/prioritas`);
    await page.getByTestId('priority-table').locator(`tr[data-child-id="${childId}"] th a`).click();
    const table = page.getByTestId('measurements-table');
    await table.waitFor();
    for (const m of history.items) {
      // The posyandu's N/T/O/B as intake judged it (absent only on measurements from before the judgement existed).
      const judged = await table
        .locator(`tr[data-measurement-id="${m.id}"] td[data-field="weight-gain"]`)
        .textContent();
      expect(judged?.charAt(0)).toBe(m.weightGain ? m.weightGain.judgement : m.bgm ? 'B' : '–');
      const shown = await table.locator(`tr[data-measurement-id="${m.id}"] td[data-z="heightForAge"]`).textContent();
      expect(shown?.replace(' !', '')).toBe(
        m.zScores.heightForAge === null ? '–' : idNumber(m.zScores.heightForAge, 2),
      );
    }
    // Where the chart drew each point, read back between its SD lines, is the z-score the registry computed.
    await page.getByRole('tab', { name: '0–5 tahun' }).click();
    const points = page.getByTestId('points-length-height-for-age');
    const plotted = points.locator('tbody tr');
    await plotted.first().waitFor({ state: 'attached' });
    const valid = history.items.filter(
      (m: { status: string; zScores: { heightForAge: number | null } }) =>
        m.status === 'recorded' && m.zScores.heightForAge !== null,
    );
    await expect(plotted.count()).resolves.toBe(valid.length);
    for (const m of valid) {
      const z = Number(
        await points.locator(`tbody tr[data-date="${m.measuredOn}"]`).first().getAttribute('data-plotted-z'),
      );
      expect(Math.abs(z - m.zScores.heightForAge)).toBeLessThan(0.1);
    }
    await expect(page.getByTestId('chain-verdict').getAttribute('data-intact')).resolves.toBe('true');
    await noSeriousViolations('anak');
  });

  it('records an intervention from the child page and shows it in the package matrix', async () => {
    const { body: cases } = await interventions.get('/v1/cases?status=open');
    const kase = cases.items.find((c: { type: string }) => c.type === 'stunting');
    expect(kase).toBeDefined();
    const { body: detail } = await interventions.get(`/v1/cases/${kase.id}`);
    const missing = detail.package.items.find(
      (item: { status: string; category: string }) => item.status === 'missing',
    );
    expect(missing).toBeDefined();
    await page.goto(`${origin}/anak/${kase.childId}`);
    const form = page.locator('form[aria-labelledby="record-intervention"]');
    await form.locator('select[name="type"]').selectOption(missing.type);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByRole('status').waitFor();
    await eventually(
      () => interventions.get(`/v1/cases/${kase.id}`),
      (r) =>
        r.body.package.items.some(
          (i: { type: string; status: string }) => i.type === missing.type && i.status === 'delivered',
        ),
      'the case counts the delivered intervention',
    );
    await page.reload();
    const cell = page.getByTestId(`package-${kase.id}`).locator(`tr[data-type="${missing.type}"]`);
    await expect(cell.getAttribute('data-status')).resolves.toBe('delivered');
  });

  it('merges a suspected duplicate from the data-quality screen, both children show it, and it can be undone', async () => {
    const regions = loadRegions();
    const village = regions.childrenOf(regions.childrenOf(REGENCY)[0].code)[0].code;
    const twin = registration({ address: { villageCode: village, rt: '001', rw: '002' } });
    const kept = await identity.post('/v1/children', twin);
    const duplicate = await identity.post('/v1/children', { ...twin });
    expect([kept.status, duplicate.status]).toEqual([201, 201]);
    await eventually(
      () => identity.get('/v1/children/duplicates'),
      (r) =>
        r.body.pairs.some((p: { childId: string; otherChildId: string }) =>
          [p.childId, p.otherChildId].includes(duplicate.body.id),
        ),
      'identity lists the pair',
    );
    await page.getByRole('link', { name: 'Kualitas data' }).click();
    const row = page.locator(`tr[data-pair*="${duplicate.body.id}"]`);
    const pair = (await row.getAttribute('data-pair'))!;
    const [merged, into] = pair.split('>');
    await row.getByRole('button', { name: 'Gabungkan' }).click();
    await page.getByRole('status').waitFor();
    await expect(identity.get(`/v1/children/${merged}`).then((r) => r.body.mergedInto)).resolves.toBe(into);
    await page.goto(`${origin}/anak/${merged}`);
    await expect(page.getByTestId('merged-notice').textContent()).resolves.toContain(into);
    await page.goto(`${origin}/anak/${into}`);
    await page.getByRole('heading', { name: String(twin['name']) }).waitFor();
    await page.getByRole('link', { name: 'Kualitas data' }).click();
    await expect(page.locator(`tr[data-pair*="${merged}"]`).count()).resolves.toBe(0);
    const flagged = await intake.get('/v1/measurements/flagged');
    expect(flagged.status).toBe(200);
    await expect(page.getByTestId('flagged-count').textContent()).resolves.toBe(
      `${idNumber(flagged.body.items.length)} pengukuran`,
    );
    await noSeriousViolations('kualitas-data');

    // Each service's freshness: once all five say nothing is left to publish or apply (the merge's events included),
    // the screen lists the same outboxes and projections, each at 0.
    const token = await tokenFor('tpps', REGENCY);
    type Freshness = { store: { unpublished: number } | null; projections: { projection: string; behind: number }[] };
    const services = Object.keys(servicePorts) as ServiceName[];
    const caughtUp = (view: Freshness) =>
      (view.store?.unpublished ?? 0) === 0 && view.projections.every((p) => p.behind === 0);
    const views = await eventually(
      () =>
        Promise.all(services.map((s) => clientOf(s, { token }).get('/v1/ops/freshness'))).then((answers) =>
          answers.map((answer) => answer.body as Freshness),
        ),
      (answers) => answers.every(caughtUp),
      'every service caught up',
      60_000,
    );
    await page.reload();
    const freshness = page.getByTestId('freshness-table');
    await freshness.waitFor();
    for (const [i, service] of services.entries()) {
      const parts = [...(views[i].store ? ['store'] : []), ...views[i].projections.map((p) => p.projection)];
      expect(parts.length).toBeGreaterThan(0);
      await expect(
        freshness.locator(`tr[data-service="${service}"]`).evaluateAll((rows) => rows.map((r) => r.dataset['part'])),
      ).resolves.toEqual(parts);
      for (const part of parts)
        await expect(
          freshness
            .locator(`tr[data-service="${service}"][data-part="${part}"] [data-behind]`)
            .getAttribute('data-behind'),
        ).resolves.toBe('0');
    }

    // Undone from the merged child's page: an event too, and the record is its own again.
    await page.goto(`${origin}/anak/${merged}`);
    await page.getByRole('button', { name: 'Batalkan penggabungan' }).click();
    await page.getByTestId('merged-notice').waitFor({ state: 'detached' });
    await expect(identity.get(`/v1/children/${merged}`).then((r) => r.body.mergedInto)).resolves.toBeNull();
  });

  it('renders the interventions, foster-parent and target screens with the APIs’ counts', async () => {
    const open = await interventions.get('/v1/cases?status=open&limit=1000');
    await page.getByRole('link', { name: 'Intervensi' }).click();
    await expect(page.getByTestId('cases-count').textContent()).resolves.toBe(
      `${idNumber(open.body.items.length)} kasus`,
    );
    await noSeriousViolations('intervensi');

    const { body: districts } = await reporting.get(`/v1/reports/stunting-prevalence?period=${year}&groupBy=district`);
    const sponsorship = clientOf('sponsorship', { token: await tokenFor('tpps', REGENCY) });
    const candidates = await sponsorship.get(`/v1/sponsorships/candidates?districtCode=${districts.rows[0].code}`);
    expect(candidates.status).toBe(200);
    await page.getByRole('link', { name: 'Orang Tua Asuh' }).click();
    await expect(page.getByTestId('candidates-count').textContent()).resolves.toBe(
      `${idNumber(candidates.body.items.length)} anak`,
    );
    await noSeriousViolations('orang-tua-asuh');

    await page.getByRole('link', { name: 'Sasaran' }).click();
    await page.getByTestId('targets-table').waitFor();
    await noSeriousViolations('sasaran');
  });

  it('shows each posyandu’s SKDN and the month’s new stunting cases as the reporting API answers them', async () => {
    const now = new Date();
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const { body: skdn } = await reporting.get(`/v1/reports/skdn?period=${month}&groupBy=posyandu`);
    expect(skdn.rows.length).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Pemantauan pertumbuhan (SKDN)' }).click();
    const table = page.getByTestId('skdn-table');
    await table.waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(skdn.rows.length);
    for (const row of skdn.rows.slice(0, 10)) {
      const cells = await table.locator(`tr[data-code="${row.code}"] td`).allTextContents();
      expect(cells.slice(2, 9)).toEqual(
        [row.weighed, row.n, row.t, row.twoT, row.o, row.b, row.bgm].map((n) => idNumber(n)),
      );
    }
    const { body: incidence } = await reporting.get(`/v1/reports/stunting-incidence?period=${month}&groupBy=posyandu`);
    const cases = page.getByTestId('incidence-table');
    for (const row of incidence.rows) {
      const cells = await cases.locator(`tr[data-code="${row.code}"] td`).allTextContents();
      expect(cells.slice(0, 2)).toEqual([idNumber(row.atRisk), idNumber(row.newCases)]);
    }
    await noSeriousViolations('pemantauan');
  });

  it('signs in through the OpenID provider (authorization code + PKCE) on the dashboard npm start serves', async () => {
    // The dashboard scripts/services.sh started, whose address the provider knows as a redirect URI.
    const served = `http://127.0.0.1:${process.env['DASHBOARD_PORT'] ?? 3000}`;
    const ssoContext = await browser.newContext({ locale: 'id-ID' });
    const sso = await ssoContext.newPage();
    await sso.goto(served);
    await sso.getByRole('button', { name: 'Masuk dengan akun SSO' }).click();
    await sso.getByLabel('Nama pengguna').fill('tpps-tangerang');
    await sso.getByLabel('Kata sandi').fill('registri-demo');
    await sso.getByRole('button', { name: 'Masuk' }).click();
    await sso.getByRole('heading', { name: 'Ringkasan' }).waitFor();
    await expect(sso.locator('.brand').textContent()).resolves.toContain('36.03');
    const ownTotal = await clientOf('reporting', { token: await tokenFor('tpps', '36.03') }).get(
      `/v1/reports/stunting-prevalence?period=${year}&groupBy=regency`,
    );
    // 36.03 may have no measurement this year on the e2e stack: the card then shows a dash, as the API has no row.
    const measured: number | undefined = ownTotal.body.rows[0]?.measured;
    await expect(sso.getByTestId('total-measured').textContent()).resolves.toBe(
      measured === undefined ? '–' : idNumber(measured),
    );
    const session = await sso.evaluate(() => JSON.parse(sessionStorage.getItem('registry.session') ?? '{}'));
    expect(session.via).toBe('oidc');
    expect(JSON.parse(Buffer.from(session.accessToken.split('.')[0], 'base64url').toString()).alg).toBe('RS256');
    await ssoContext.close();
  });

  it('says "not found" for a child of another regency, and keeps other roles out of the TPPS screens', async () => {
    const foreign = await clientOf('identity', { token: await tokenFor('tpps', FOREIGN) }).post(
      '/v1/children',
      registration({ address: { villageCode: '36.04.23.2015' } }),
    );
    expect(foreign.status).toBe(201);
    await page.goto(`${origin}/anak/${foreign.body.id}`);
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('Tidak ditemukan');

    for (const role of ['statistician', 'sponsor'] as const) {
      const token =
        role === 'sponsor'
          ? await tokenFor('sponsor', undefined, { sponsorId: '00000000-0000-7000-8000-000000000001' })
          : await tokenFor(role);
      const otherPage = await pageWithToken(browser, token);
      await otherPage.goto(`${origin}/prioritas`);
      await expect(otherPage.getByRole('alert').first().getAttribute('data-status')).resolves.toBe('403');
      // The screen is only a courtesy: the API itself refuses the role.
      const refused = await otherPage.evaluate(
        async (accessToken) =>
          (
            await fetch('/api/reporting/v1/reports/priority-children', {
              headers: { authorization: `Bearer ${accessToken}` },
            })
          ).status,
        token,
      );
      expect(refused).toBe(403);
      await otherPage.context().close();
    }
  });
});
