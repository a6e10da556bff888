// Writes the AsyncAPI document of the registry's topics to docs/asyncapi.json (npm run asyncapi); commit the result.
// A unit test (libs/shared/contracts/src/asyncapi.unit.spec.ts) fails while the committed file differs from what the
// contracts generate. Node 24 runs this file by stripping its types; it compiles libs/shared/contracts with
// scripts/build.mjs, then calls asyncApiDocument from dist/ (see token.ts for why builtins come this way).
import type * as AsyncApi from '../libs/shared/contracts/src/asyncapi';

const { spawnSync } = process.getBuiltinModule('node:child_process');
const { writeFileSync } = process.getBuiltinModule('node:fs');
const { createRequire } = process.getBuiltinModule('node:module');
const path = process.getBuiltinModule('node:path');

const root = path.resolve(path.dirname(process.argv[1]), '..');
const build = spawnSync(process.execPath, ['scripts/build.mjs', 'libs/shared/contracts'], {
  cwd: root,
  encoding: 'utf8',
});
if (build.status !== 0) {
  process.stderr.write(`asyncapi: building libs/shared/contracts failed\n${build.stderr}${build.stdout}`);
  process.exit(1);
}

const load = createRequire(path.join(root, 'package.json'));
const { asyncApiDocument } = load('./dist/libs/shared/contracts/src/asyncapi.js') as typeof AsyncApi;
const target = path.join(root, 'docs/asyncapi.json');
writeFileSync(target, `${JSON.stringify(asyncApiDocument(), null, 2)}\n`);
process.stdout.write(`${path.relative(root, target)}\n`);
