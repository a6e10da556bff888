// The sponsor portal, the statistician's view and the printable growth report in Debian's Chromium, against the
// running services: each shows what its API answers, and nothing identifying ever reaches a sponsor's browser.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { clientOf, tokenFor, type Client } from '../support/registry';
import { eventually, serviceUrl } from '../support/services';
import {
  checkAccessibleAndShoot,
  idNumber,
  pageWithToken,
  startDashboard,
  type DashboardFixture,
} from './dashboard-fixture';

const REGENCY = '36.02';
const year = String(new Date().getFullYear());

let fixture: DashboardFixture;
let tpps: { sponsorship: Client; identity: Client; intake: Client };

interface Sponsorship {
  readonly sponsorId: string;
  readonly childId: string;
  readonly status: string;
}

beforeAll(async () => {
  const token = await tokenFor('tpps', REGENCY);
  tpps = {
    sponsorship: clientOf('sponsorship', { token }),
    identity: clientOf('identity', { token }),
    intake: clientOf('intake', { token }),
  };
  // Every candidate sponsored: at the default quarter a seed now and then leaves the kabupaten no active pledge.
  fixture = await startDashboard(REGENCY, '36.01', { children: 80, sponsorSharePct: 100 });
}, 300_000);

afterAll(async () => {
  await fixture?.close();
});

type PortalGrowth = { weightGain: { judgement: string } | null; bgm: boolean };
type ChartedGrowth = {
  measuredOn: string;
  ageMonths: number;
  implausible: boolean;
  zScores: Record<'heightForAge' | 'weightForAge' | 'weightForHeight' | 'headCircumferenceForAge', number | null>;
};

/** Every text the page's own API calls answered, to search for what must never be there. */
function recordResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/'))
      void response.text().then(
        (text) => bodies.push(`${response.url()}\n${text}`),
        () => undefined,
      );
  });
  return bodies;
}

describe('the sponsor portal, the statistician view and the growth report in a real browser', () => {
  it("shows a sponsor exactly their children's growth and contributions, and nothing that identifies a child", async () => {
    const { body: list } = await tpps.sponsorship.get('/v1/sponsorships');
    const sponsorships = (list.items as Sponsorship[]).filter((s) => s.status === 'active');
    expect(sponsorships.length).toBeGreaterThan(0);
    const sponsorId = sponsorships[0].sponsorId;
    const theirs = sponsorships.filter((s) => s.sponsorId === sponsorId);
    // The canaries: every piece of personal data of the sponsor's children, as a TPPS may read it.
    const canaries: string[] = [];
    for (const { childId } of theirs) {
      const { body: child } = await tpps.identity.get(`/v1/children/${childId}`);
      const personal = child.personalData;
      canaries.push(
        childId,
        ...[
          personal.name,
          personal.nik,
          personal.familyCardNumber,
          personal.mother?.name,
          personal.mother?.nik,
          personal.address?.line,
        ].filter((v): v is string => Boolean(v)),
      );
    }
    const sponsorToken = await tokenFor('sponsor', undefined, { sponsorId });
    const { body: portal } = await clientOf('sponsorship', { token: sponsorToken }).get('/v1/portal/children');

    const page = await pageWithToken(fixture.browser, sponsorToken);
    const bodies = recordResponses(page);
    await page.goto(fixture.origin);
    await page.getByRole('heading', { name: 'Anak asuh saya' }).waitFor();
    await expect(page.getByTestId('portal-count').textContent()).resolves.toContain(
      `${idNumber(portal.items.length)} anak`,
    );
    for (const child of portal.items) {
      const contributions = child.sponsorships.flatMap((s: { contributions: unknown[] }) => s.contributions);
      await expect(page.getByTestId(`contributions-${child.id}`).locator('tbody tr').count()).resolves.toBe(
        contributions.length,
      );
    }
    // The KMS history: each judged weighing as the portal API gives it (N/T/O/B, or BGM alone).
    for (const child of portal.items as { id: string; growth: PortalGrowth[] }[]) {
      const judged = child.growth.filter((g) => g.weightGain !== null || g.bgm);
      const cells = await page
        .getByTestId(`weighings-${child.id}`)
        .locator('td[data-field="weight-gain"]')
        .allTextContents();
      expect(cells.map((cell) => cell.charAt(0))).toEqual(judged.map((g) => g.weightGain?.judgement ?? 'B'));
    }
    await page.locator('.chart-canvas svg').first().waitFor();
    // The WHO charts of the first child, opened as a sponsor would.
    await page.getByTestId(`who-charts-${portal.items[0].id}`).locator('summary').click();
    await page.getByTestId(`who-charts-${portal.items[0].id}`).locator('[data-chart="weight-for-age"] svg').waitFor();
    await checkAccessibleAndShoot(page, 'portal');

    await page.getByRole('link', { name: 'Laporan pertumbuhan' }).first().click();
    await page.getByTestId('report-measurements').waitFor();
    // The four WHO charts: each of the child's points drawn where the portal's z-score puts it.
    const reported = portal.items[0] as { growth: ChartedGrowth[] };
    const valid = reported.growth.filter((g) => !g.implausible);
    const underTwo = valid.at(-1)!.ageMonths < 24;
    const charts: [string, (g: ChartedGrowth) => number | null][] = [
      ['length-height-for-age', (g) => g.zScores.heightForAge],
      ['weight-for-age', (g) => g.zScores.weightForAge],
      [
        underTwo ? 'weight-for-length' : 'weight-for-height',
        (g) => (g.zScores.heightForAge === null || underTwo !== g.ageMonths < 24 ? null : g.zScores.weightForHeight),
      ],
      ['head-circumference-for-age', (g) => g.zScores.headCircumferenceForAge],
    ];
    for (const [chart, zOf] of charts) {
      const expected = valid.flatMap((g) => (zOf(g) === null ? [] : [[g.measuredOn, zOf(g)!] as const]));
      const rows = page.getByTestId(`points-${chart}`).locator('tbody tr');
      const plotted = await eventually(
        () =>
          rows.evaluateAll((trs) => trs.map((tr) => [tr.dataset['date']!, Number(tr.dataset['plottedZ'])] as const)),
        (found) => found.length === expected.length,
        `${chart}: ${expected.length} points`,
      );
      for (const [i, [day, z]] of expected.entries()) {
        expect(plotted[i][0]).toBe(day);
        expect(Math.abs(plotted[i][1] - z)).toBeLessThanOrEqual(0.011);
      }
    }
    await checkAccessibleAndShoot(page, 'laporan-portal');
    expect(bodies.length).toBeGreaterThan(1);
    const leaks = canaries.filter((canary) => bodies.some((body) => body.includes(canary)));
    expect(leaks).toEqual([]);
    const html = await page.content();
    expect(canaries.filter((canary) => html.includes(canary))).toEqual([]);

    await page.context().close();

    // This sponsor's child, by URL, for another Orang Tua Asuh: simply not there.
    const stranger = await pageWithToken(
      fixture.browser,
      await tokenFor('sponsor', undefined, { sponsorId: randomUUID() }),
    );
    await stranger.goto(`${fixture.origin}/portal/${portal.items[0].id}/laporan`);
    await expect(stranger.getByRole('alert').first().getAttribute('data-status')).resolves.toBe('404');
    await stranger.context().close();
  });

  it('gives the statistician every regency side by side, equal to the CSV export, as known today and on a past date', async () => {
    const statisticianToken = await tokenFor('statistician');
    const page = await pageWithToken(fixture.browser, statisticianToken);
    await page.goto(fixture.origin);
    const table = page.getByTestId('statistics-table');
    await table.waitFor();
    const compare = async (asOf: string | null) => {
      const query = `period=${year}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`;
      const csv = await fetch(serviceUrl('reporting', `/v1/exports/stunting-prevalence.csv?${query}`), {
        headers: { authorization: `Bearer ${statisticianToken}` },
      });
      expect(csv.status).toBe(200);
      const lines = (await csv.text()).trim().split('\n');
      const header = lines.findIndex((line) => line.startsWith('code,'));
      const rows = lines.slice(header + 1).map((line) => line.split(','));
      await expect(table.locator('tbody tr').count()).resolves.toBe(rows.length);
      for (const [code, , measured, , , , , , prevalence] of rows) {
        const line = table.locator(`tr[data-code="${code}"]`);
        // The screen publishes what the public CSV publishes, and blanks (–) what it blanks.
        await expect(line.locator('[data-field="measured"]').textContent()).resolves.toBe(
          measured ? idNumber(Number(measured)) : '–',
        );
        await expect(line.locator('[data-field="prevalence"]').textContent()).resolves.toBe(
          prevalence ? `${idNumber(Number(prevalence), 1)} %` : '–',
        );
      }
    };
    await compare(null);
    await checkAccessibleAndShoot(page, 'statistik');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await Promise.all([
      page.waitForResponse((response) => response.url().includes('asOf=')),
      page.getByLabel('Seperti diketahui pada').fill(yesterday),
    ]);
    await compare(`${yesterday}T23:59:59+07:00`);
    // No route to any child: the TPPS screens are closed to this role.
    await page.goto(`${fixture.origin}/prioritas`);
    await expect(page.getByRole('alert').first().getAttribute('data-status')).resolves.toBe('403');
    await page.context().close();
  });

  it('prints a growth report on one A4 page per child whose measurements are the API’s', async () => {
    const { body: list } = await tpps.sponsorship.get('/v1/sponsorships');
    const childId: string = list.items[0].childId;
    const { body: history } = await tpps.intake.get(`/v1/children/${childId}/measurements`);
    const valid = history.items.filter((m: { status: string }) => m.status === 'recorded');
    const page = await pageWithToken(fixture.browser, await tokenFor('tpps', REGENCY));
    await page.goto(`${fixture.origin}/anak/${childId}/laporan`);
    const rows = page.getByTestId('report-measurements').locator('tbody tr');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(valid.length);
    for (const m of valid) {
      const cell = page
        .getByTestId('report-measurements')
        .locator(`tr[data-date="${m.measuredOn}"] td[data-z="heightForAge"]`)
        .first();
      await expect(cell.textContent()).resolves.toBe(
        m.zScores.heightForAge === null ? '–' : idNumber(m.zScores.heightForAge, 2),
      );
    }
    await page.locator('.chart-canvas svg').nth(3).waitFor();
    await checkAccessibleAndShoot(page, 'laporan');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBe(1);
    await page.context().close();
  });
});
