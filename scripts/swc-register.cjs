// Lets Node run this repository's TypeScript directly (the child processes the event store's kill tests SIGKILL):
// compiles each required .ts file with the workspace's .swcrc and rewrites the @registry/* aliases.
const { transformSync } = require('@swc/core');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const { compilerOptions } = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
const swcrc = JSON.parse(readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    ...swcrc,
    swcrc: false,
    filename,
    sourceMaps: 'inline',
    jsc: { ...swcrc.jsc, baseUrl: root, paths: compilerOptions.paths },
  });
  module._compile(code, filename);
};
