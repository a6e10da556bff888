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

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/.var', '**/coverage', 'infra/kafka/lib'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          banTransitiveDependencies: true,
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:feature',
                'type:platform',
                'type:data-access',
                'type:contracts',
                'type:domain',
              ],
            },
            {
              sourceTag: 'type:feature',
              onlyDependOnLibsWithTags: [
                'type:platform',
                'type:data-access',
                'type:contracts',
                'type:domain',
                'type:testing',
              ],
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
          ],
        },
      ],
      // Used where a lookup is known to succeed (a checked code's parent); a crash there is a bug worth seeing.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Test helpers (scratch databases) belong to tests and their support files; the module-boundary rule sees
    // projects, not files.
    files: ['{apps,libs}/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/test-support/**', 'libs/shared/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@registry/testing', message: 'test helpers are for *.spec.ts files only' }] },
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
