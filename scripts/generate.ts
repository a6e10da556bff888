// Generates a synthetic kabupaten and pushes it through the public APIs (see --help); the last line of stdout is
// JSON with what the reports must say. Node 24 runs this file by stripping its types; it builds the simulation
// library with scripts/build.mjs first and runs it from dist/.
import type * as Simulation from '../libs/tools/simulation/src';

const { spawnSync } = process.getBuiltinModule('node:child_process');
const { createRequire } = process.getBuiltinModule('node:module');
const path = process.getBuiltinModule('node:path');

const root = path.resolve(path.dirname(process.argv[1]), '..');
const bin = path.join(root, 'node_modules/.bin');
const build = spawnSync(path.join(bin, 'nx'), ['run', 'simulation:build', '--output-style=static'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, NX_DAEMON: 'false', PATH: `${bin}:${process.env['PATH']}` },
});
if (build.status !== 0) {
  process.stderr.write(`generate: building the simulation failed\n${build.stdout}${build.stderr}`);
  process.exit(1);
}
const load = createRequire(path.join(root, 'package.json'));
const { runGenerateCommand } = load('./dist/libs/tools/simulation/src/index.js') as typeof Simulation;

runGenerateCommand(process.argv.slice(2), process.env, (line) => process.stderr.write(`${line}\n`)).then(
  (output) => process.stdout.write(`${output}\n`),
  (error: Error) => {
    process.stderr.write(`generate: ${error.message}\n`);
    process.exit(2);
  },
);
