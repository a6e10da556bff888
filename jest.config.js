// Three levels, chosen by file suffix: *.unit.spec.ts (pure code, no I/O), *.int.spec.ts (one library or service
// against the real PostgreSQL and Kafka), *.e2e.spec.ts (the running services over HTTP).
// Nest 12 and MikroORM 7 are ESM-only; Jest loads them from the CommonJS test code through require(esm),
// which needs Node >= 24.9 with --experimental-vm-modules (set by scripts/jest.sh).
const { readFileSync } = require('node:fs');
const path = require('node:path');

const { compilerOptions } = JSON.parse(readFileSync(path.join(__dirname, 'tsconfig.base.json'), 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);
const swc = JSON.parse(readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swc.$schema;

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tests'],
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/.var'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    {
      ...common,
      displayName: 'int',
      testMatch: ['**/*.int.spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.js',
      setupFiles: ['<rootDir>/tests/support/infra-env.js'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/timeouts.js'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.js',
      setupFiles: ['<rootDir>/tests/support/infra-env.js'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/timeouts.js'],
    },
  ],
};
