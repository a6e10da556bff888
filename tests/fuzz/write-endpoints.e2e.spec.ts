import { randomUUID } from 'node:crypto';
import { TopicByService } from '@registry/contracts';
import { DEV_SECRET_DEFAULT, DEV_TOKEN_TTL_SECONDS, signDevToken, type DevTokenRequest } from '@registry/access';
import type { Pool } from 'pg';
import { serviceDb, waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { databaseOf, serviceUrl, type ServiceName } from '../support/services';
import { generateCases, OVERSIZED_BYTES, type Caller, type FuzzCase } from './fuzz-cases';
import { writeEndpoints, type FuzzFixtures } from './write-endpoints';

/**
 * Bad input against every write endpoint (issue #11): no 5xx, every refusal names what was wrong, and nothing
 * refused is stored. FUZZ_CASES sets the number of cases (`npm run test:fuzz` runs thousands), FUZZ_SEED replays
 * a run. Its data lives in Kota Cilegon (36.72), written by callers whose subject starts with `fuzz-`; Kota Serang
 * (36.73) is the other regency whose officer must be refused.
 */
const CASES = Number(process.env['FUZZ_CASES'] ?? 400);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261122);
const SERVICES: ServiceName[] = ['identity', 'intake', 'interventions', 'sponsorship', 'reporting'];
const OWN = { regencyCode: '36.72', villageCode: '36.72.01.1001', otherVillageCode: '36.72.01.1002' };
const FOREIGN = { regencyCode: '36.73', villageCode: '36.73.01.1001' };
const secret = process.env['AUTH_DEV_SECRET'] ?? DEV_SECRET_DEFAULT;
/** Catching up waits for everything on the topics, other suites' and benchmarks' traffic included. */
const CATCH_UP_MS = 240_000;

const day = (offsetDays: number): string =>
  new Date(Date.now() + 9 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function sign(request: DevTokenRequest, key = secret, now = new Date()): Promise<string> {
  const signed = await signDevToken(request, key, now);
  if (signed.kind !== 'signed') throw new Error(signed.reason);
  return signed.token;
}

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Headers for each caller; `own` is the regency's officer, or an admin where only an admin may act. */
async function callerHeaders(): Promise<Record<Caller | 'admin', Record<string, string>>> {
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const own: DevTokenRequest = { role: 'tpps', regencyCode: OWN.regencyCode, subject: 'fuzz-tpps-36.72' };
  const past = new Date(Date.now() - 2 * DEV_TOKEN_TTL_SECONDS * 1000);
  const unsignedClaims = {
    sub: 'fuzz-admin',
    role: 'admin',
    iss: 'registry-dev',
    exp: Math.floor(Date.now() / 1000) + 600,
  };
  return {
    own: bearer(await sign(own)),
    admin: bearer(await sign({ role: 'admin', subject: 'fuzz-admin' })),
    'foreign-tpps': bearer(await sign({ role: 'tpps', regencyCode: FOREIGN.regencyCode, subject: 'fuzz-tpps-36.73' })),
    sponsor: bearer(await sign({ role: 'sponsor', sponsorId: randomUUID(), subject: 'fuzz-sponsor' })),
    none: {},
    expired: bearer(await sign(own, secret, past)),
    forged: bearer(await sign({ ...own, role: 'admin', regencyCode: undefined }, 'not-the-registry-secret-at-all-32b')),
    unsigned: bearer(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(unsignedClaims)}.`),
    'garbage-bearer': { authorization: "Bearer ' OR 1=1 --" },
    'garbage-api-key': { 'x-api-key': 'rk_fuzz_0000000000000000000000000000' },
  };
}

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly body: unknown;
}

/** One HTTP call; a service restarted by someone else (connection refused) is waited for and the call repeated. */
async function send(
  service: ServiceName,
  method: string,
  route: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<Answer> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetch(serviceUrl(service, route), { method, headers, body });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: response.status, text, body: parsed };
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (!['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(code ?? '') || attempt >= 3) throw error;
      await untilReady(service);
    }
  }
}

async function untilReady(service: ServiceName, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await fetch(serviceUrl(service, '/ready')).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service} did not become ready again within ${timeoutMs} ms`);
}

async function postJson(service: ServiceName, route: string, headers: Record<string, string>, body: unknown) {
  const answer = await send(
    service,
    'POST',
    route,
    { ...headers, 'content-type': 'application/json' },
    JSON.stringify(body),
  );
  if (answer.status >= 300) throw new Error(`fixture ${route}: ${answer.status} ${answer.text}`);
  return answer.body as Record<string, unknown>;
}

/** Everything the fuzz regencies or callers have in one service's database: events and projection rows. */
async function storedCounts(
  db: Pool,
  codes: readonly string[],
  only?: readonly string[],
): Promise<Record<string, number>> {
  const { rows: tables } = await db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name IN ('regency_code', 'region_code', 'caller')`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name: table, column_name: column } of tables.filter(
    (row) => !only || only.includes(row.table_name),
  )) {
    const condition = column === 'caller' ? `caller LIKE 'fuzz-%'` : `left(${column}, 5) = ANY($1::text[])`;
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE ${condition}`,
      column === 'caller' ? [] : [codes],
    );
    counts[`${table}.${column}`] = rows[0].n;
  }
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM es_events WHERE actor->>'subject' LIKE 'fuzz-%' OR regency_code = ANY($1::text[])`,
    [codes],
  );
  counts['es_events'] = rows[0].n;
  return counts;
}

/**
 * Reporting's projections follow every measurement of every test and generator run, and may lag far behind on
 * this machine: of reporting, only what its own write endpoint stores is compared. Its projections change only
 * through events, and every case checks that no event was stored upstream.
 */
const snapshot = (service: ServiceName, db: Pool, codes: readonly string[]) =>
  storedCounts(db, codes, service === 'reporting' ? ['reporting_targets', 'http_idempotency'] : undefined);

async function allCaughtUp(databases: Record<ServiceName, string>): Promise<void> {
  // Reporting's own events (targets) are not published: it has no relay to wait for.
  const producers = SERVICES.filter((service) => service !== 'reporting');
  await Promise.all(producers.map((service) => waitForRelay(service, CATCH_UP_MS, databases[service])));
  await Promise.all([
    waitForCaughtUp('intake', { 'known-children': [TopicByService.identity] }, CATCH_UP_MS, databases.intake),
    waitForCaughtUp(
      'interventions',
      { 'case-tracker': [TopicByService.identity, TopicByService.intake] },
      CATCH_UP_MS,
      databases.interventions,
    ),
    waitForCaughtUp(
      'sponsorship',
      {
        'known-children': [TopicByService.identity],
        growth: [TopicByService.intake],
        care: [TopicByService.interventions],
      },
      CATCH_UP_MS,
      databases.sponsorship,
    ),
  ]);
}

function routeOf(fuzzCase: FuzzCase, fixtures: FuzzFixtures): string {
  const ids: Record<string, string> = {
    childId: fixtures.childId,
    keyId: fixtures.apiKeyId,
    measurementId: fixtures.measurementId,
    interventionId: fixtures.interventionId,
    sponsorId: fixtures.sponsorId,
    sponsorshipId: fixtures.sponsorshipId,
    regionCode: fixtures.regencyCode,
    year: '2025',
    ...fuzzCase.pathOverrides,
  };
  return fuzzCase.endpoint.path.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(ids[name]));
}

/** What is wrong with one answer, or null: a 5xx, a refusal that does not say why, or bad input accepted. */
export function problemWith(fuzzCase: FuzzCase, answer: Answer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 300)}`;
  const said = answer.text.toLowerCase();
  if (fuzzCase.expect === 'items-rejected' && answer.status === 200) {
    const results = (answer.body as { results?: Array<{ status: string; reasons?: string[] }> })?.results ?? [];
    if (results.length === 0 || results.some((result) => result.status !== 'rejected'))
      return `accepted an item: ${answer.text.slice(0, 300)}`;
    if (
      !results.every((result) =>
        result.reasons?.some((reason) => fuzzCase.mentions.some((m) => reason.toLowerCase().includes(m))),
      )
    )
      return `item refused without naming ${fuzzCase.mentions.join('/')}: ${answer.text.slice(0, 300)}`;
    return null;
  }
  if (answer.status < 400) return `accepted (${answer.status}): ${answer.text.slice(0, 300)}`;
  if (typeof answer.body !== 'object' || answer.body === null)
    return `${answer.status} without a JSON body: ${answer.text.slice(0, 200)}`;
  if (!fuzzCase.mentions.some((mention) => said.includes(mention)))
    return `${answer.status} does not name ${fuzzCase.mentions.join('/')}: ${answer.text.slice(0, 300)}`;
  return null;
}

describe(`bad input against every write endpoint (${CASES} cases, seed ${SEED})`, () => {
  let fixtures: FuzzFixtures;
  let callers: Record<Caller | 'admin', Record<string, string>>;
  let databases: Record<ServiceName, string>;
  const pools = {} as Record<ServiceName, Pool>;
  const codes = [OWN.regencyCode, FOREIGN.regencyCode];

  beforeAll(
    async () => {
      callers = await callerHeaders();
      databases = Object.fromEntries(
        await Promise.all(SERVICES.map(async (service) => [service, await databaseOf(service)] as const)),
      ) as Record<ServiceName, string>;
      for (const service of SERVICES) pools[service] = serviceDb(service, databases[service]);
      const own = callers.own;
      const birthDate = day(-400);
      const child = (name: string) => ({
        name,
        sex: 'female',
        birthDate,
        mother: { name: `Ibu ${name}` },
        address: { villageCode: OWN.villageCode },
      });
      const first = await postJson('identity', '/v1/children', own, child(`Fuzz ${randomUUID().slice(0, 8)}`));
      const second = await postJson('identity', '/v1/children', own, child(`Fuzz ${randomUUID().slice(0, 8)}`));
      await allCaughtUp(databases);
      const measurement = await postJson('intake', '/v1/measurements', own, {
        childId: first['id'],
        measuredOn: day(-5),
        weightKg: 9.1,
        heightCm: 74,
        position: 'lying',
        puskesmasCode: 'PKM-FUZZ',
      });
      const intervention = await postJson('interventions', '/v1/interventions', own, {
        childId: first['id'],
        type: 'pmt_toddler',
        status: 'planned',
        // Planned in the past, so that a delivery dated a few days ago is a valid example.
        plannedOn: day(-10),
        provider: 'DINKES',
        quantity: 30,
        unit: 'paket',
        fundingSource: 'DANA_DESA',
      });
      const sponsor = await postJson('sponsorship', '/v1/sponsors', own, {
        type: 'company',
        name: 'PT Fuzz Fixture',
        contact: '+62 812 0000 2222',
        regencyCode: OWN.regencyCode,
      });
      const sponsorshipStart = `${day(-40).slice(0, 8)}01`;
      const sponsorship = await postJson('sponsorship', '/v1/sponsorships', own, {
        sponsorId: sponsor['sponsorId'],
        childId: first['id'],
        commitment: {
          kind: 'pmt',
          description: 'Paket PMT fuzz',
          amountIdr: 525000,
          startOn: sponsorshipStart,
          months: 12,
        },
        agreementRef: 'BA Fuzz Fixture',
      });
      const apiKey = await postJson('identity', '/v1/api-keys', own, {
        name: 'Fuzz fixture',
        regencyCode: OWN.regencyCode,
      });
      fixtures = {
        regencyCode: OWN.regencyCode,
        villageCode: OWN.villageCode,
        otherVillageCode: OWN.otherVillageCode,
        foreignRegencyCode: FOREIGN.regencyCode,
        foreignVillageCode: FOREIGN.villageCode,
        childId: first['id'] as string,
        otherChildId: second['id'] as string,
        childVersion: first['version'] as number,
        measurementId: measurement['id'] as string,
        interventionId: intervention['id'] as string,
        sponsorId: sponsor['sponsorId'] as string,
        sponsorshipId: sponsorship['id'] as string,
        apiKeyId: apiKey['keyId'] as string,
        puskesmasCode: 'PKM-FUZZ',
        birthDate,
        recently: day(-3),
        nextWeek: day(7),
        sponsorshipStart,
      };
      await allCaughtUp(databases);
    },
    2 * CATCH_UP_MS + 60_000,
  );

  afterAll(async () => {
    await Promise.all(Object.values(pools).map((pool) => pool.end()));
  });

  it(
    'refuses every case with a 4xx that says what was wrong, and stores nothing',
    async () => {
      const started = Date.now();
      const before = Object.fromEntries(
        await Promise.all(
          SERVICES.map(async (service) => [service, await snapshot(service, pools[service], codes)] as const),
        ),
      );
      const cases = generateCases(writeEndpoints(fixtures), SEED, CASES);
      const oversized = Buffer.alloc(OVERSIZED_BYTES, 'a');
      oversized.write('{"name":"', 0);
      const failures: string[] = [];
      const byEndpoint = new Map<string, number>();
      for (const fuzzCase of cases) {
        const { endpoint } = fuzzCase;
        const asAdmin = endpoint.name === 'erase personal data' || endpoint.name === 'sweep cases';
        const auth = fuzzCase.caller === 'own' && asAdmin ? callers.admin : callers[fuzzCase.caller];
        const headers: Record<string, string> = { ...auth, ...fuzzCase.headers };
        let body: string | Buffer | undefined;
        switch (fuzzCase.body.kind) {
          case 'json':
            headers['content-type'] = 'application/json';
            body = fuzzCase.body.text;
            break;
          case 'raw':
            headers['content-type'] = fuzzCase.body.contentType;
            body = fuzzCase.body.text;
            break;
          case 'oversized':
            headers['content-type'] = 'application/json';
            body = oversized;
            break;
        }
        const { rows } = await pools[endpoint.service].query<{ n: number }>(
          `SELECT count(*)::int AS n FROM es_events WHERE actor->>'subject' LIKE 'fuzz-%'`,
        );
        const answer = await send(endpoint.service, endpoint.method, routeOf(fuzzCase, fixtures), headers, body);
        const problem = problemWith(fuzzCase, answer);
        const { rows: after } = await pools[endpoint.service].query<{ n: number }>(
          `SELECT count(*)::int AS n FROM es_events WHERE actor->>'subject' LIKE 'fuzz-%'`,
        );
        const stored = after[0].n - rows[0].n;
        if (problem !== null || stored !== 0)
          failures.push(
            `#${fuzzCase.id} ${endpoint.method} ${endpoint.path} [${fuzzCase.caller}] ${fuzzCase.label}: ` +
              `${problem ?? ''}${stored !== 0 ? ` (${stored} events stored)` : ''}`,
          );
        byEndpoint.set(endpoint.name, (byEndpoint.get(endpoint.name) ?? 0) + 1);
      }
      await allCaughtUp(databases);
      const after = Object.fromEntries(
        await Promise.all(
          SERVICES.map(async (service) => [service, await snapshot(service, pools[service], codes)] as const),
        ),
      );
      process.stdout.write(
        `fuzz: ${cases.length} cases in ${Date.now() - started} ms, seed ${SEED}\n` +
          [...byEndpoint].map(([name, count]) => `  ${name}: ${count}`).join('\n') +
          `\n${failures.length} failures\n`,
      );
      expect(failures).toEqual([]);
      expect(after).toEqual(before);
    },
    // About 40 ms a case on the reference machine; the long run (npm run test:fuzz) gets the time it needs.
    CATCH_UP_MS + 60_000 + CASES * 100,
  );
});
