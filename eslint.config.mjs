// Layer rules are checked here, not remembered: see the tags in each project.json.
import nx from '@nx/eslint-plugin';

const frameworks = [
  '@nestjs/*',
  '@mikro-orm/*',
  'kafkajs',
  'pg',
  'express',
  'nestjs-pino',
  'pino*',
  'class-validator',
  'class-transformer',
];

const testHelpers = { name: '@registry/testing', message: 'test helpers are for *.spec.ts files only' };

/** @nestjs/common's HTTP answers: the HTTP layer's to give (controllers, pipes, filters), not the use case's. */
const httpExceptions = [
  'HttpException',
  'BadRequestException',
  'UnauthorizedException',
  'ForbiddenException',
  'NotFoundException',
  'ConflictException',
  'GoneException',
  'PreconditionFailedException',
  'PayloadTooLargeException',
  'UnsupportedMediaTypeException',
  'UnprocessableEntityException',
  'ServiceUnavailableException',
  'InternalServerErrorException',
];

/** Which layer may import which (tags in each project.json). */
const depConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:feature', 'type:platform', 'type:data-access', 'type:contracts', 'type:domain'],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:platform', 'type:data-access', 'type:contracts', 'type:domain', 'type:testing'],
  },
  // Test helpers stand alone: the event store's own tests use them.
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: [] },
  {
    sourceTag: 'type:platform',
    onlyDependOnLibsWithTags: ['type:platform', 'type:data-access', 'type:contracts', 'type:domain'],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:testing'],
  },
  {
    sourceTag: 'type:contracts',
    onlyDependOnLibsWithTags: ['type:contracts'],
    bannedExternalImports: frameworks,
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'],
    bannedExternalImports: frameworks,
  },
  {
    sourceTag: 'type:test',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:platform',
      'type:data-access',
      'type:contracts',
      'type:domain',
      'type:tooling',
      'type:testing',
    ],
  },
  {
    sourceTag: 'type:tooling',
    onlyDependOnLibsWithTags: [
      'type:tooling',
      'type:feature',
      'type:platform',
      'type:data-access',
      'type:contracts',
      'type:domain',
    ],
  },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  // Cross-service tests and tools (the simulation) may use every service's pure libraries.
  { sourceTag: 'scope:tests', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:identity', 'scope:shared'] },
  { sourceTag: 'scope:intake', onlyDependOnLibsWithTags: ['scope:intake', 'scope:shared'] },
  { sourceTag: 'scope:interventions', onlyDependOnLibsWithTags: ['scope:interventions', 'scope:shared'] },
  { sourceTag: 'scope:sponsorship', onlyDependOnLibsWithTags: ['scope:sponsorship', 'scope:shared'] },
  { sourceTag: 'scope:reporting', onlyDependOnLibsWithTags: ['scope:reporting', 'scope:shared'] },
];

const moduleBoundaries = (constraints) => [
  'error',
  { enforceBuildableLibDependency: false, banTransitiveDependencies: true, depConstraints: constraints },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.var', '**/coverage', 'infra/kafka/lib'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(depConstraints),
      // Used where a lookup is known to succeed (a checked code's parent); a crash there is a bug worth seeing.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Domain specs may use data-access libraries: they load the reference tables their rules compute with.
    files: ['libs/*/domain/src/**/*.spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': moduleBoundaries(
        depConstraints.map((constraint) =>
          constraint.sourceTag === 'type:domain'
            ? { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:data-access'] }
            : constraint,
        ),
      ),
    },
  },
  // Layer rules inside a library, by the role a file's name gives it (issue #25). Each block restates the test-helper
  // ban: a later `no-restricted-imports` replaces an earlier one for the same file, it does not add to it.
  {
    // Test helpers (scratch databases) belong to tests and their support files; the module-boundary rule sees
    // projects, not files.
    files: ['{apps,libs}/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/test-support/**', 'libs/shared/testing/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [testHelpers] }] },
  },
  {
    // A controller is HTTP in and out: it calls its handler, which holds the transaction, the SQL and other services.
    files: ['{apps,libs}/**/*.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            testHelpers,
            ...['pg', 'pg-copy-streams', 'kafkajs', '@registry/event-store'].map((name) => ({
              name,
              message: 'a controller calls its handler; the handler reads and writes',
            })),
          ],
          patterns: [
            { group: ['@mikro-orm/*'], message: 'a controller calls its handler; the handler reads and writes' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'a controller calls its handler, not other services' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='withTransaction']",
          message: 'a controller calls its handler; the handler owns the transaction',
        },
      ],
    },
  },
  {
    // Handlers, writers, queries, policies and stores say what went wrong in the domain's words (RuleViolation,
    // OutOfScopeError); the platform's filters turn that into HTTP, once for every service.
    files: [
      'libs/**/*.handler.ts',
      'libs/**/*-writer.ts',
      'libs/**/*.query.ts',
      'libs/**/*.policy.ts',
      'libs/**/*.projection.ts',
      'libs/**/*.read-model.ts',
      'libs/**/*.store.ts',
      'libs/**/*-reader.ts',
      'libs/**/*-errors.ts',
      'libs/**/*.client.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            testHelpers,
            {
              name: '@nestjs/common',
              importNames: httpExceptions,
              message: 'throw a RuleViolation (@registry/contracts): the platform answers it in HTTP',
            },
          ],
        },
      ],
    },
  },
  {
    // Domain code is pure: no files, no clock. Reference tables come in through a loader, time through a parameter.
    files: [
      'libs/*/domain/src/**/*.ts',
      'libs/shared/{anthropometry,known-child,growth-monitoring,regions}/src/**/*.ts',
    ],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            testHelpers,
            ...['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({
              name,
              message: 'domain code is pure: a data-access library loads the files and passes their content',
            })),
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'domain code takes the time as a parameter (a Clock, a day)' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'domain code takes the time as a parameter (a Clock, a day)',
        },
      ],
    },
  },
  {
    // The browser bundle talks to the registry only through its HTTP APIs, like any other client.
    files: ['apps/dashboard/client/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@registry/*'], message: 'the dashboard uses the APIs only' }] },
      ],
    },
  },
];
