import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEV_SECRET_DEFAULT, signDevToken } from '@registry/access';
import { chromium } from 'playwright-core';
import { Client } from 'pg';
import { databaseUrl, stackDatabase } from './downstream';
import { percentile, table } from './measure';

const SERVICES = ['identity', 'intake', 'interventions', 'sponsorship', 'reporting'] as const;

const usage = 'usage: npm run -s bench:dashboard -- [rounds=30] [page loads=10] [--regency CODE]';

/**
 * The demo's TPPS through the dashboard's own sign-in; or, with --regency, a development token for another regency
 * (e.g. one generated at 50,000 children beside the demo).
 */
async function signIn(origin: string, argv: string[], env: NodeJS.ProcessEnv) {
  const at = argv.indexOf('--regency');
  if (at >= 0) {
    const regencyCode = argv[at + 1];
    const signed = await signDevToken({ role: 'tpps', regencyCode }, env['AUTH_DEV_SECRET'] || DEV_SECRET_DEFAULT);
    if (signed.kind !== 'signed') throw new Error(signed.reason);
    return { accessToken: signed.token, regencyCode };
  }
  const response = await fetch(`${origin}/dev-sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'tpps' }),
  });
  if (!response.ok) throw new Error(`dev sign-in refused (${response.status}): is the demo running (npm start)?`);
  return (await response.json()) as { accessToken: string; regencyCode: string };
}

/**
 * Planner statistics for the screens' tables, as autovacuum gathers them on a server that runs it: this machine's
 * PostgreSQL has autovacuum off, and a generated kabupaten's fresh rows would otherwise be planned as a handful.
 */
async function analyze(services: readonly string[]): Promise<void> {
  for (const service of services) {
    const client = new Client({ connectionString: databaseUrl(stackDatabase(service)) });
    await client.connect();
    try {
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
  }
}

/** The API calls each screen makes when it opens, as the browser makes them (together). */
function screens(regency: string, year: string, childId: string, districtCode: string): Record<string, string[]> {
  return {
    Ringkasan: [
      `/api/reporting/v1/reports/stunting-prevalence?period=${year}&ageGroup=balita&groupBy=regency`,
      `/api/reporting/v1/reports/stunting-prevalence?period=${year}&ageGroup=balita&groupBy=district`,
      `/api/reporting/v1/reports/trend?regionCode=${regency}&from=${year}-01&to=${year}-12&ageGroup=balita`,
    ],
    'Daftar prioritas': [
      '/api/reporting/v1/reports/priority-children?limit=50&offset=0',
      `/api/reporting/v1/reports/stunting-prevalence?period=${year}&groupBy=district`,
    ],
    Anak: [
      `/api/identity/v1/children/${childId}`,
      `/api/intake/v1/children/${childId}/measurements`,
      `/api/interventions/v1/cases?childId=${childId}`,
      `/api/interventions/v1/children/${childId}/interventions`,
      `/api/reporting/v1/children/${childId}/timeline`,
    ],
    Intervensi: ['/api/interventions/v1/cases?status=open&limit=1000'],
    'Orang Tua Asuh': [
      '/api/sponsorship/v1/sponsorships',
      `/api/sponsorship/v1/sponsorships/candidates?districtCode=${districtCode}`,
    ],
    'Kualitas data': [
      '/api/identity/v1/children/duplicates',
      '/api/intake/v1/measurements/flagged',
      ...SERVICES.map((service) => `/api/${service}/v1/ops/freshness`),
    ],
  };
}

/**
 * `npm run bench:dashboard` against a running registry (npm start): each screen's data as the browser loads it
 * through the dashboard's gateway (p50/p95 of the screen's calls made together), beside the same priority list
 * asked of reporting directly and the gateway's /health (the floor); then cold loads of the overview in headless
 * Chromium (largest contentful paint), and the initial JavaScript the first page downloads, gzipped.
 */
export async function benchDashboard(
  argv: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<string> {
  const numbers = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--regency').map(Number);
  const [rounds = 30, loads = 10] = numbers;
  if (!(rounds > 0 && loads > 0)) return usage;
  const origin = `http://127.0.0.1:${env['DASHBOARD_PORT'] ?? 3000}`;
  await analyze(SERVICES);
  const { accessToken, regencyCode } = await signIn(origin, argv, env);
  const auth = { authorization: `Bearer ${accessToken}` };
  const get = async (url: string) => {
    const response = await fetch(url, { headers: auth });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const year = String(new Date().getFullYear());
  const priority = (await get(`${origin}/api/reporting/v1/reports/priority-children?limit=1`)) as {
    total: number;
    items: { childId: string; residence: { districtCode: string } }[];
  };
  const children = (await get(
    `${origin}/api/reporting/v1/reports/stunting-prevalence?period=${year}&groupBy=regency`,
  )) as { rows: { measured: number }[] };
  const first = priority.items[0];
  if (!first) throw new Error(`no priority child in ${regencyCode}: seed the demo first (npm start)`);

  const timeOf = async (urls: readonly string[]) => {
    const started = performance.now();
    await Promise.all(urls.map((url) => get(`${origin}${url}`)));
    return performance.now() - started;
  };
  const sample = async (urls: readonly string[]) => {
    await timeOf(urls); // warm
    const times: number[] = [];
    for (let i = 0; i < rounds; i += 1) times.push(await timeOf(urls));
    return times.sort((a, b) => a - b);
  };
  const rows: (string | number)[][] = [];
  for (const [screen, urls] of Object.entries(
    screens(regencyCode, year, first.childId, first.residence.districtCode),
  )) {
    log(`${screen}: ${rounds} rounds of ${urls.length} call(s)`);
    const times = await sample(urls);
    rows.push([screen, urls.length, percentile(times, 50).toFixed(0), percentile(times, 95).toFixed(0), '≤ 300']);
  }
  const direct = `http://127.0.0.1:${env['REPORTING_PORT'] ?? 3005}/v1/reports/priority-children?limit=50&offset=0`;
  const directTimes: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now();
    await (await fetch(direct, { headers: auth })).json();
    directTimes.push(performance.now() - started);
  }
  directTimes.sort((a, b) => a - b);
  rows.push([
    'peer: priority list from reporting directly (no gateway)',
    1,
    percentile(directTimes, 50).toFixed(0),
    percentile(directTimes, 95).toFixed(0),
    '',
  ]);
  const floor = await sample(['/config.json']);
  rows.push([
    'floor: the gateway’s /config.json',
    1,
    percentile(floor, 50).toFixed(0),
    percentile(floor, 95).toFixed(0),
    '',
  ]);

  log(`overview: ${loads} cold loads in headless Chromium`);
  const browser = await chromium.launch({
    executablePath: env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const paints: number[] = [];
  const tables: number[] = [];
  try {
    for (let i = 0; i < loads; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript((token) => {
        const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
        sessionStorage.setItem(
          'registry.session',
          JSON.stringify({
            accessToken: token,
            role: payload.role,
            regencyCode: payload.regency_code,
            expiresAt: payload.exp * 1000,
            via: 'dev',
          }),
        );
      }, accessToken);
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(origin);
      await page.getByTestId('prevalence-table').waitFor();
      tables.push(Date.now() - started);
      // The page's own record of its largest paint (a string: this file is compiled without the DOM's types).
      paints.push(
        await page.evaluate<number>(
          `new Promise((resolve) => new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime))
            .observe({ type: 'largest-contentful-paint', buffered: true }))`,
        ),
      );
      await context.close();
    }
  } finally {
    await browser.close();
  }
  paints.sort((a, b) => a - b);
  tables.sort((a, b) => a - b);

  const client = path.join(env['REGISTRY_ROOT'] ?? process.cwd(), 'dist/apps/dashboard/client');
  const html = readFileSync(path.join(client, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const gzipped = initial.reduce((sum, asset) => sum + gzipSync(readFileSync(path.join(client, asset))).length, 0);

  return [
    `Dashboard of ${regencyCode} (${children.rows[0]?.measured ?? 0} children measured in ${year}, ${priority.total} on the priority list), ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${new Date().toISOString().slice(0, 10)}`,
    '',
    table(['screen data through the gateway', 'calls', 'p50 ms', 'p95 ms', 'ceiling ms'], rows),
    '',
    table(
      ['overview, cold load in headless Chromium', 'p50 ms', 'p95 ms', 'ceiling ms'],
      [
        ['largest contentful paint', percentile(paints, 50).toFixed(0), percentile(paints, 95).toFixed(0), '≤ 2000'],
        ['prevalence table on screen', percentile(tables, 50).toFixed(0), percentile(tables, 95).toFixed(0), ''],
      ],
    ),
    '',
    `Initial JavaScript and CSS (${initial.join(', ')}): ${(gzipped / 1024).toFixed(1)} kB gzipped (ceiling 400 kB).`,
  ].join('\n');
}
