// Prints a development token for any role as the last line of stdout (a summary goes to stderr):
//   node scripts/token.ts --role tpps --regency 36.03        (npm run -s token -- --role tpps --regency 36.03)
//   node scripts/token.ts --help
// Node 24 runs this file by stripping its types. It compiles libs/shared/access with scripts/build.mjs, then runs
// the token command from dist/. Builtins come through process.getBuiltinModule and the only import is a type, so
// Node loads the file as CommonJS without the "reparsing as ES module" warning.
import type * as TokenCommand from '../libs/shared/access/src/cli/token-command';

const { spawnSync } = process.getBuiltinModule('node:child_process');
const { createRequire } = process.getBuiltinModule('node:module');
const path = process.getBuiltinModule('node:path');

const root = path.resolve(path.dirname(process.argv[1]), '..');
const build = spawnSync(process.execPath, ['scripts/build.mjs', 'libs/shared/access'], { cwd: root, encoding: 'utf8' });
if (build.status !== 0) {
  process.stderr.write(`token: building libs/shared/access failed\n${build.stderr}${build.stdout}`);
  process.exit(1);
}

const load = createRequire(path.join(root, 'package.json'));
const { runTokenCommand } = load('./dist/libs/shared/access/src/cli/token-command.js') as typeof TokenCommand;

void runTokenCommand(process.argv.slice(2), process.env).then((result) => {
  switch (result.kind) {
    case 'token':
      process.stderr.write(`${result.summary}\n`);
      process.stdout.write(`${result.token}\n`);
      return;
    case 'help':
      process.stdout.write(`${result.text}\n`);
      return;
    case 'error':
      process.stderr.write(`token: ${result.message}\n`);
      process.exitCode = 2;
  }
});
