import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const script = path.resolve(__dirname, '../../tools/fhir-validator/fhir-validator.sh');

/** One issue HL7's validator reported; the location is a FHIRPath, e.g. Bundle.entry[0].resource.status. */
export interface ValidationIssue {
  readonly severity: 'fatal' | 'error' | 'warning' | 'information';
  readonly location: string;
  readonly message: string;
}

export interface FhirValidator {
  /** A resource, or raw text (one line, e.g. malformed JSON), as the validator reports on it. */
  validate(resource: object | string): Promise<ValidationIssue[]>;
  close(): Promise<void>;
}

/** The issues that make a resource invalid: warnings (unknown LOINC codes, no narrative…) are left out. */
export const errorsOf = (issues: readonly ValidationIssue[]): ValidationIssue[] =>
  issues.filter(({ severity }) => severity === 'error' || severity === 'fatal');

/**
 * Starts the offline FHIR R4 validator (tools/fhir-validator) and resolves once it has warmed up. It answers one line
 * per line written, in order, so requests wait in a queue for their answer. Start it once per spec (beforeAll): the
 * JVM needs about 10 s and 600 MB to get ready.
 */
export async function startFhirValidator(readyTimeoutMs = 240_000): Promise<FhirValidator> {
  const child = spawn('bash', [script], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const waiting: { resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  const failAll = (reason: string): void => {
    for (const { reject } of waiting.splice(0)) reject(new Error(`fhir-validator: ${reason}\n${stderr}`));
  };
  child.on('exit', (code, signal) => failAll(`exited (${signal ?? code})`));
  child.on('error', (error) => failAll(error.message));
  // A write after the JVM died (EPIPE) is reported through the exit above.
  child.stdin.on('error', () => undefined);
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.resolve(line));
  const nextLine = (): Promise<string> =>
    new Promise((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) reject(new Error(`fhir-validator: exited\n${stderr}`));
      else waiting.push({ resolve, reject });
    });

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`fhir-validator: not ready after ${readyTimeoutMs} ms\n${stderr}`)),
      readyTimeoutMs,
    );
  });
  try {
    const ready = await Promise.race([nextLine(), timeout]);
    if (JSON.parse(ready).ready !== true) throw new Error(`fhir-validator: unexpected first line ${ready}`);
  } catch (error) {
    child.kill();
    throw error;
  } finally {
    clearTimeout(timer);
  }

  return {
    async validate(resource) {
      const line = typeof resource === 'string' ? resource : JSON.stringify(resource);
      if (line.includes('\n')) throw new Error('fhir-validator: the protocol takes one line per resource');
      const answer = nextLine();
      child.stdin.write(`${line}\n`);
      return (JSON.parse(await answer) as { issues: ValidationIssue[] }).issues;
    },
    async close() {
      child.stdin.end();
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
