import AxeBuilder from '@axe-core/playwright';
import { runGenerateCommand } from '@registry/simulation';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { eventually, repositoryRoot, servicePorts, startBuiltService, type StartedProcess } from '../support/services';

export const screenshots = path.join(
  process.env['REGISTRY_VAR_DIR'] ?? path.join(repositoryRoot, '.var'),
  'screenshots',
);

/** The number as the dashboard prints it in Bahasa Indonesia (1.234 and 17,9). */
export const idNumber = (value: number, digits = 0): string =>
  new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface DashboardFixture {
  readonly origin: string;
  readonly browser: Browser;
  readonly close: () => Promise<void>;
}

/** How much of a kabupaten a test needs: a seed chosen per run makes every smaller figure a matter of chance. */
export interface KabupatenSize {
  readonly children: number;
  /** Stunting prevalence the children are drawn around, in percent (the generator's default is 20). */
  readonly prevalencePct?: number;
  /** Of the sponsorship candidates, those an Orang Tua Asuh pledges to (the generator's default is 25). */
  readonly sponsorSharePct?: number;
}

/**
 * A kabupaten of the test's own, generated through the public APIs (a year of visits, cases, interventions and
 * sponsors), a dashboard gateway whose demo sign-in is for it, and Debian's Chromium.
 */
export async function startDashboard(
  regency: string,
  moveTo: string,
  size: KabupatenSize = { children: 80 },
): Promise<DashboardFixture> {
  mkdirSync(screenshots, { recursive: true });
  const seed = 300_000 + (Date.now() % 1_000_000_000);
  await runGenerateCommand(
    [
      '--regency',
      regency,
      '--children',
      String(size.children),
      ...(size.prevalencePct === undefined ? [] : ['--prevalence', String(size.prevalencePct)]),
      ...(size.sponsorSharePct === undefined ? [] : ['--sponsor-share', String(size.sponsorSharePct)]),
      '--months',
      '12',
      '--seed',
      String(seed),
      '--move-to',
      moveTo,
    ],
    process.env,
    () => undefined,
  );
  const port = await freePort();
  const dashboard: StartedProcess = startBuiltService('dashboard', {
    ...process.env,
    PORT: String(port),
    DEMO_REGENCY: regency,
    DEMO_SPONSOR_ID_FILE: '',
    ...Object.fromEntries(Object.entries(servicePorts).map(([name, p]) => [`${name.toUpperCase()}_PORT`, String(p)])),
  });
  const origin = `http://127.0.0.1:${port}`;
  await eventually(
    () => fetch(`${origin}/ready`).then((r) => r.status),
    (s) => s === 200,
    'dashboard ready',
  );
  const browser = await launchChromium();
  return {
    origin,
    browser,
    close: async () => {
      await browser.close();
      dashboard.child.kill('SIGTERM');
      await dashboard.exited;
    },
  };
}

/** A signed-in tab for a token, as the dashboard keeps a session (the same token the sign-in would give). */
export async function pageWithToken(browser: Browser, token: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(60_000);
  await context.addInitScript((accessToken) => {
    const payload = JSON.parse(atob(accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    sessionStorage.setItem(
      'registry.session',
      JSON.stringify({
        accessToken,
        role: payload.role,
        regencyCode: payload.regency_code ?? null,
        expiresAt: payload.exp * 1000,
        via: 'dev',
      }),
    );
  }, token);
  return context.newPage();
}

/** No serious or critical accessibility violation on the page as it is; then a screenshot of it for the README. */
export async function checkAccessibleAndShoot(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({
    screen,
    serious: serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  }).toEqual({
    screen,
    serious: [],
  });
  await page.screenshot({ path: path.join(screenshots, `${screen}.png`) });
}
