// Runs a command exported by one of the workspace's tool libraries: builds the library with Nx (cached), then calls
// `export(argv, env, log)` from dist/ and prints what it returns on stdout; progress goes to stderr.
//   node scripts/run-tool.mjs <library folder> <exported function> [args…]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [folder, exported, ...argv] = process.argv.slice(2);
// The stack's name and ports and the addresses npm run infra:up wrote, unless the environment names others.
createRequire(import.meta.url)('./stack-env.cjs').loadStackEnv();
const { name } = JSON.parse(readFileSync(path.join(root, folder, 'project.json'), 'utf8'));
const bin = path.join(root, 'node_modules/.bin');
const build = spawnSync(path.join(bin, 'nx'), ['run', `${name}:build`, '--output-style=static'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, NX_DAEMON: 'false', PATH: `${bin}:${process.env.PATH}` },
});
if (build.status !== 0) {
  process.stderr.write(`${name}: build failed\n${build.stdout}${build.stderr}`);
  process.exit(1);
}
const tool = createRequire(path.join(root, 'package.json'))(path.join(root, 'dist', folder, 'src/index.js'));
try {
  const output = await tool[exported](argv, process.env, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(`${output}\n`);
} catch (error) {
  process.stderr.write(`${exported}: ${error.message}\n`);
  process.exit(2);
}
