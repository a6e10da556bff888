import { randomUUID } from 'node:crypto';
import { TopicByService } from '@registry/contracts';
import { refusalOf, ROLES, type AccessRule, type Role, type RouteRule } from '@registry/access';
import { waitForCaughtUp, waitForRelay } from '../support/caught-up';
import { clientOf, places, registration, tokenFor } from '../support/registry';
import { request, serviceUrl, servicePorts, type ServiceName } from '../support/services';

const services = Object.keys(servicePorts) as ServiceName[];
const own = places.tangerang;
const foreign = places.serang;

interface Operation {
  readonly method: string;
  readonly path: string;
  /** The body's media type when it is not JSON (an upload's file). */
  readonly fileType?: string;
}

/** Every operation a running service documents, from its OpenAPI document. */
async function operationsOf(service: ServiceName): Promise<Operation[]> {
  const { body } = await request('GET', serviceUrl(service, '/docs/openapi.json'));
  type Documented = { requestBody?: { content?: Record<string, unknown> } };
  return Object.entries(body.paths as Record<string, Record<string, Documented>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const types = Object.keys(operation.requestBody?.content ?? {});
      const fileType = types.length > 0 && !types.includes('application/json') ? types[0] : undefined;
      return { method: method.toUpperCase(), path, ...(fileType ? { fileType } : {}) };
    }),
  );
}

/** The rule the guard applies to each route, as the running service reports it. */
async function rulesOf(service: ServiceName): Promise<Map<string, AccessRule>> {
  const { body } = await clientOf(service, { token: await tokenFor('admin') }).get('/v1/ops/access-rules');
  return new Map((body.routes as RouteRule[]).map((route) => [`${route.method} ${route.path}`, route.rule]));
}

/** A token for each role, scoped to a regency for the regional roles. */
async function tokensFor(regencyCode: string, villageCode: string): Promise<Record<Role, string>> {
  const entries = await Promise.all(
    ROLES.map(async (role) => {
      switch (role) {
        case 'statistician':
        case 'admin':
          return [role, await tokenFor(role)] as const;
        case 'sponsor':
          return [role, await tokenFor(role, undefined, { sponsorId: randomUUID() })] as const;
        case 'kader':
          return [role, await tokenFor(role, regencyCode, { villageCodes: [villageCode] })] as const;
        case 'puskesmas':
          return [role, await tokenFor(role, regencyCode, { puskesmasCodes: ['PKM-MATRIX'] })] as const;
        default:
          return [role, await tokenFor(role, regencyCode)] as const;
      }
    }),
  );
  return Object.fromEntries(entries) as Record<Role, string>;
}

const fill = (path: string, ids: Record<string, string>): string =>
  path.replace(
    /\{(\w+)\}/g,
    (_match, name: string) =>
      ids[name] ?? (name === 'regionCode' ? own.regencyCode : name === 'year' ? '2025' : randomUUID()),
  );

describe('access matrix: every route of every running service, for every role', () => {
  it.each(services)('%s: every documented route has an explicit access rule', async (service) => {
    const rules = await rulesOf(service);
    const operations = await operationsOf(service);
    const unguarded = operations.filter((op) => {
      const rule = rules.get(`${op.method} ${op.path}`);
      return rule === undefined || rule.kind === 'missing';
    });
    expect(unguarded).toEqual([]);
    expect(operations.length).toBeGreaterThan(2);
  });

  it.each(services)(
    '%s: only /health, /ready, /relay, /metrics, /asyncapi.json (and FHIR definitions) are public, and documented',
    async (service) => {
      // /metrics answers without a token (Prometheus scrapes on the private network: README, Operating), and
      // /asyncapi.json, the topics' contracts, like /docs; any other public route is a decision to make here.
      // identity's FHIR CapabilityStatement and code systems too: definitions FHIR clients read before they authenticate.
      const rules = await rulesOf(service);
      const open = [...rules].filter(([, rule]) => rule.kind === 'public').map(([route]) => route);
      const fhir =
        service === 'identity'
          ? ['GET /fhir/R4/CodeSystem', 'GET /fhir/R4/CodeSystem/{id}', 'GET /fhir/R4/metadata']
          : [];
      expect(open.sort()).toEqual(
        ['GET /asyncapi.json', ...fhir, 'GET /health', 'GET /metrics', 'GET /ready', 'GET /relay'].sort(),
      );
      const documented = (await operationsOf(service)).map((op) => `${op.method} ${op.path}`);
      expect(documented).toEqual(expect.arrayContaining(open));
    },
  );

  it.each(services)(
    '%s: each role gets 401/403 exactly where its rule says, in its own and a foreign regency',
    async (service) => {
      const rules = await rulesOf(service);
      const failures: string[] = [];
      for (const regency of [own, foreign]) {
        const tokens = await tokensFor(regency.regencyCode, regency.villageCode);
        for (const op of await operationsOf(service)) {
          const rule = rules.get(`${op.method} ${op.path}`)!;
          const url = serviceUrl(service, fill(op.path, {}));
          const body = op.method === 'GET' ? undefined : {};
          // A route taking a file gets one of its type, so that only the credentials can refuse it.
          const call = (headers: Record<string, string> = {}) =>
            op.fileType
              ? fetch(url, { method: op.method, headers: { 'content-type': op.fileType, ...headers }, body: 'x' })
              : request(op.method, url, body, headers);
          const anonymous = await call();
          if (rule.kind === 'public') {
            if ([401, 403].includes(anonymous.status))
              failures.push(`${op.method} ${op.path} anonymous: ${anonymous.status} on a public route`);
            continue;
          }
          if (anonymous.status !== 401)
            failures.push(`${op.method} ${op.path} anonymous: expected 401, got ${anonymous.status}`);
          if (rule.kind !== 'roles') continue;
          for (const role of ROLES) {
            const { status } = await call({ authorization: `Bearer ${tokens[role]}` });
            const refused = refusalOf(rule, role) !== null;
            if (refused && status !== 403)
              failures.push(`${op.method} ${op.path} ${role}@${regency.regencyCode}: expected 403, got ${status}`);
            if (!refused && [401, 403].includes(status))
              failures.push(`${op.method} ${op.path} ${role}@${regency.regencyCode}: allowed, got ${status}`);
          }
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it("answers 404, never the record, when a TPPS asks for another kabupaten's child by id", async () => {
    const ownTpps = await tokenFor('tpps', own.regencyCode);
    const foreignTpps = await tokenFor('tpps', foreign.regencyCode);
    const { body: child } = await clientOf('identity', { token: ownTpps }).post('/v1/children', registration());
    const { body: measurement } = await clientOf('intake', { token: ownTpps }).post('/v1/measurements', {
      childId: child.id,
      measuredOn: '2025-07-01',
      weightKg: 9,
      heightCm: 75,
      position: 'lying',
      puskesmasCode: 'PKM-MATRIX',
    });
    // Every service has learned of the child before it is asked for it: the checks are about scope, not lag.
    await Promise.all([waitForRelay('identity'), waitForRelay('intake')]);
    await waitForCaughtUp('interventions', { 'case-tracker': [TopicByService.identity, TopicByService.intake] });
    await waitForCaughtUp('reporting', { 'reporting-timeline': [TopicByService.identity, TopicByService.intake] });
    const failures: string[] = [];
    for (const service of services) {
      const rules = await rulesOf(service);
      // Routes a TPPS may use at all; the others answer 403 to every TPPS, as the matrix above checks.
      const tppsMayRead = (op: Operation) => {
        const rule = rules.get(`${op.method} ${op.path}`);
        return rule?.kind === 'roles' && rule.roles.includes('tpps');
      };
      for (const op of (await operationsOf(service)).filter(
        (o) => o.method === 'GET' && /\{(id|childId)\}/.test(o.path) && tppsMayRead(o),
      )) {
        const id = op.path.startsWith('/v1/measurements') ? measurement.id : child.id;
        const url = serviceUrl(service, fill(op.path, { id, childId: id }));
        const mine = await request('GET', url, undefined, { authorization: `Bearer ${ownTpps}` });
        const theirs = await request('GET', url, undefined, { authorization: `Bearer ${foreignTpps}` });
        if (theirs.status !== 404)
          failures.push(`${service} GET ${op.path} foreign TPPS: expected 404, got ${theirs.status}`);
        if (mine.status === 404 && service !== 'reporting' && op.path.includes('{childId}'))
          failures.push(`${service} GET ${op.path} own TPPS: 404`);
      }
    }
    expect(failures).toEqual([]);
  });
});
