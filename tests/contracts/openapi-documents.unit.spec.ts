import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { accessRuleOf } from '@registry/access';
import { openApiDocument, type BootstrapOptions } from '@registry/platform';

const root = path.resolve(__dirname, '../..');
const SERVICES = ['identity', 'intake', 'interventions', 'reporting', 'sponsorship'];

/** `v1/children` + `:id` → `/v1/children/{id}`; an escaped colon (`children\:batch`) stays literal. */
const openApiPath = (base: string, route: string): string =>
  `/${[base, route]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`
    .replace(/(?<!\\):(\w+)/g, '{$1}')
    .replace(/\\:/g, ':');

/** The security each route's access rule calls for: none when public; an API key only where integrations may call. */
function securityByRule(app: INestApplication): Map<string, string[]> {
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
  return new Map(
    controllers.flatMap(({ metatype }) => {
      const controller = metatype as unknown as { prototype: Record<string, unknown> } & (new () => unknown);
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      return Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
        const handler = controller.prototype[name] as (...args: unknown[]) => unknown;
        const routes = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (routes === undefined || method === undefined) return [];
        const rule = accessRuleOf(handler, controller);
        const schemes =
          rule.kind !== 'roles' ? [] : rule.roles.includes('integration') ? ['api-key', 'bearer'] : ['bearer'];
        return [routes]
          .flat()
          .map((route) => [`${RequestMethod[method]} ${openApiPath(base, route)}`, schemes] as const);
      });
    }),
  );
}

function documentedSecurity(document: OpenAPIObject): Map<string, string[]> {
  return new Map(
    Object.entries(document.paths).flatMap(([route, item]) =>
      (['get', 'put', 'post', 'delete', 'patch'] as const).flatMap((method) => {
        const operation = item[method];
        if (operation === undefined) return [];
        const schemes = (operation.security ?? []).flatMap((requirement) => Object.keys(requirement)).sort();
        return [[`${method.toUpperCase()} ${route}`, schemes] as const];
      }),
    ),
  );
}

describe.each(SERVICES)('docs/openapi/%s.json', (service) => {
  const file = `docs/openapi/${service}.json`;
  let app: INestApplication;
  let served: OpenAPIObject;

  beforeAll(async () => {
    // Applications, not libraries: loaded by path, as they are started. A preview resolves the modules and reads the
    // routes' metadata without instantiating anything: no database or broker is needed.
    const { AppModule } = require(path.join(root, 'apps', service, 'src/app.module')) as { AppModule: unknown };
    const options = (require(path.join(root, 'apps', service, 'src/service')) as { service: BootstrapOptions }).service;
    app = await NestFactory.create(AppModule as never, { preview: true, abortOnError: false, logger: false });
    served = JSON.parse(JSON.stringify(openApiDocument(app, options))) as OpenAPIObject;
  });

  afterAll(() => app.close());

  it('is the document the service serves (else: npm run openapi)', () => {
    expect(served).toEqual(JSON.parse(readFileSync(path.join(root, file), 'utf8')));
  });

  it('asks each operation for the credentials its access rule takes: none when public', () => {
    expect(documentedSecurity(served)).toEqual(securityByRule(app));
  });

  it('passes Redocly’s recommended rules with no error and no warning (exceptions in redocly.yaml)', () => {
    const lint = spawnSync(path.join(root, 'node_modules/.bin/redocly'), ['lint', '--format=json', file], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const report = JSON.parse(lint.stdout) as {
      totals: { errors: number; warnings: number };
      problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }>;
    };
    const problems = report.problems.map(
      ({ ruleId, message, location }) => `${ruleId} at ${location[0]?.pointer}: ${message}`,
    );
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
