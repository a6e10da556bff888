import { readFileSync } from 'node:fs';
import path from 'node:path';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import prettier from 'prettier';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');
const SERVICES = ['identity', 'intake', 'interventions', 'reporting', 'sponsorship'];
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8');

describe('a client generated from the OpenAPI documents (openapi-typescript)', () => {
  it.each(SERVICES)('%s: its types in openapi/ are what openapi-typescript makes of its document', async (service) => {
    const file = path.join(__dirname, 'openapi', `${service}.d.ts`);
    const generated = COMMENT_HEADER + astToString(await openapiTS(JSON.parse(read(`docs/openapi/${service}.json`))));
    const options = { ...(await prettier.resolveConfig(file)), filepath: file };
    expect(await prettier.format(generated, options)).toEqual(readFileSync(file, 'utf8'));
  });

  it('type-checks an integration that registers a child and records a batch with it', () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(root, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
        },
      },
    )!;
    const program = ts.createProgram([path.join(__dirname, 'openapi-client.ts')], { ...config.options, noEmit: true });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(problems).toEqual([]);
  });
});
