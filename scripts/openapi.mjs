// Writes each service's OpenAPI document, docs/openapi/<service>.json, and the TypeScript types a client gets from
// it (openapi-typescript), tests/contracts/openapi/<service>.d.ts. Nothing runs: the apps are built with Nx (cached) and their
// modules read in preview (previewOpenApiDocument), so no database, broker or setting is needed.
//   npm run openapi
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import prettier from 'prettier';

const SERVICES = ['identity', 'intake', 'interventions', 'reporting', 'sponsorship'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'node_modules/.bin');
const build = spawnSync(path.join(bin, 'nx'), ['run-many', '-t', 'build', '-p', ...SERVICES, '--output-style=static'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, NX_DAEMON: 'false', PATH: `${bin}:${process.env.PATH}` },
});
if (build.status !== 0) {
  process.stderr.write(`build failed\n${build.stdout}${build.stderr}`);
  process.exit(1);
}
const require = createRequire(path.join(root, 'package.json'));
const { previewOpenApiDocument } = require(path.join(root, 'dist/libs/shared/platform/src/index.js'));
const documents = path.join(root, 'docs/openapi');
const types = path.join(root, 'tests/contracts/openapi');
mkdirSync(documents, { recursive: true });
mkdirSync(types, { recursive: true });
// Formatted as the repository formats files, so that a formatter run over it changes nothing.
const formatted = async (text, file) =>
  prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });

for (const name of SERVICES) {
  const { AppModule } = require(path.join(root, `dist/apps/${name}/src/app.module.js`));
  const { service } = require(path.join(root, `dist/apps/${name}/src/service.js`));
  const document = await previewOpenApiDocument(AppModule, service);
  const json = path.join(documents, `${name}.json`);
  writeFileSync(json, await formatted(JSON.stringify(document), json));
  const declarations = path.join(types, `${name}.d.ts`);
  // Headed as generated (openapi-typescript's own header): one file per document, never edited by hand.
  writeFileSync(declarations, await formatted(COMMENT_HEADER + astToString(await openapiTS(document)), declarations));
  process.stderr.write(`docs/openapi/${name}.json: ${Object.keys(document.paths).length} paths\n`);
}
