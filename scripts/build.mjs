// Compiles one Nx project (its src/, tests excluded) with swc into dist/<projectRoot>, CommonJS.
// Import aliases come from tsconfig.base.json, the single source of truth; swc rewrites them into relative paths
// that stay valid under dist/ because every project keeps its place in the tree.
// Usage: node scripts/build.mjs <projectRoot>
import { transformFile } from '@swc/core';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const projectRoot = process.argv[2];
if (!projectRoot) throw new Error('usage: node scripts/build.mjs <projectRoot>');

const { compilerOptions } = JSON.parse(await readFile(path.join(root, 'tsconfig.base.json'), 'utf8'));
const swcrc = JSON.parse(await readFile(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const options = {
  ...swcrc,
  swcrc: false,
  jsc: { ...swcrc.jsc, baseUrl: root, paths: compilerOptions.paths },
};

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) yield full;
  }
}

let count = 0;
for await (const file of sources(path.join(root, projectRoot, 'src'))) {
  const out = path.join(root, 'dist', path.relative(root, file)).replace(/\.ts$/, '.js');
  const { code, map } = await transformFile(file, { ...options, filename: file, sourceFileName: file });
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
  if (map) await writeFile(`${out}.map`, map);
  count += 1;
}
console.log(`built ${projectRoot}: ${count} files → dist/${projectRoot}`);
