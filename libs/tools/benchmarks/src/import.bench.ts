import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DEV_SECRET_DEFAULT, signDevToken } from '@registry/access';
import { composeNik } from '@registry/identity-domain';
import { loadGrowthStandards, loadRegions } from '@registry/reference-data';
import { exportAsBatches, generateEppgbmExport, writeEppgbmCsv, writeEppgbmXlsx } from '@registry/simulation';
import { downstreamCaughtUp, relayDrained, stackDatabase } from './downstream';
import { table, timed } from './measure';

const IDENTITY = `http://127.0.0.1:${process.env['IDENTITY_PORT'] ?? 3001}`;
const INTAKE = `http://127.0.0.1:${process.env['INTAKE_PORT'] ?? 3002}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function tokenFor(regencyCode: string): Promise<string> {
  const signed = await signDevToken(
    { role: 'tpps', regencyCode, subject: `benchmark-${regencyCode}` },
    process.env['AUTH_DEV_SECRET'] ?? DEV_SECRET_DEFAULT,
  );
  if (signed.kind !== 'signed') throw new Error(signed.reason);
  return signed.token;
}

async function postJson(
  url: string,
  token: string,
  body: unknown,
): Promise<{ results: Array<{ id?: string; status: string }> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { results: Array<{ id?: string; status: string }> };
}

/** The resident memory of a process now, in MB (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
}

/**
 * An e-PPGBM import end to end against the running services (`npm start`): a generated export of `children` ×
 * `weighings` rows (default 9,091 × 11 ≈ 100,000) written as .xlsx (or `--csv`), timed from the first byte of the
 * upload to the job finished, with the importing process's (identity's) resident memory sampled every 100 ms; and
 * in the same run, its peer: the same rows through the batch APIs in another regency (registrations 2,000 and
 * measurements 5,000 per request, as an integration sends them), until intake has recorded them.
 */
export async function benchImport(
  argv: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<string> {
  const numbers = argv.filter((arg) => !arg.startsWith('--'));
  const children = Number(numbers[0] ?? 9091);
  const weighings = Number(numbers[1] ?? 11);
  const format = argv.includes('--csv') ? 'csv' : 'xlsx';
  const [importedIn, batchedIn] = ['33.01', '33.02'];
  const regions = loadRegions();
  const generated = generateEppgbmExport({
    regions,
    standards: loadGrowthStandards(),
    regencyCode: importedIn,
    children,
    weighingsPerChild: weighings,
    seed: Date.now() % 2 ** 31,
    variations: { decimalComma: true, dateForms: ['dd-mm-yyyy', 'dd/mm/yyyy', 'yyyy-mm-dd'], withoutNik: 0.1 },
  });
  const rows = generated.rows.length;
  const directory = mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  const file = path.join(directory, `export.${format}`);
  try {
    const out = createWriteStream(file);
    if (format === 'xlsx') await writeEppgbmXlsx(out, generated.headers, generated.rows);
    else await writeEppgbmCsv(out, generated.headers, generated.rows, ';');
    const pid = Number(readFileSync(path.join(env['REGISTRY_VAR_DIR'] ?? '.var', 'run', 'identity.pid'), 'utf8'));
    log(`importing ${rows} rows (${children} children) as ${format}, ${(statSync(file).size / 1e6).toFixed(1)} MB`);
    await downstreamCaughtUp();

    const token = await tokenFor(importedIn);
    const before = rssMb(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
    const imported = await timed(async () => {
      const response = await fetch(`${IDENTITY}/v1/imports/e-ppgbm?fileName=bench.${format}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': format === 'xlsx' ? XLSX : 'text/csv' },
        body: Readable.toWeb(createReadStream(file)) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      const job = (await response.json()) as { id: string };
      if (response.status !== 202) throw new Error(`upload answered ${response.status}: ${JSON.stringify(job)}`);
      for (;;) {
        const state = (await (
          await fetch(`${IDENTITY}/v1/imports/${job.id}`, { headers: { authorization: `Bearer ${token}` } })
        ).json()) as { status: string; counts: Record<string, number>; problem: string | null };
        if (state.status === 'finished' || state.status === 'failed') return state;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    clearInterval(sampler);
    if (imported.result.status !== 'finished')
      throw new Error(`the import ${imported.result.status}: ${imported.result.problem}`);
    log(`import: ${JSON.stringify(imported.result.counts)}`);
    await downstreamCaughtUp();

    // The peer: the same rows through the batch APIs, in another regency.
    const batches = exportAsBatches(generated, {
      regions,
      from: importedIn,
      to: batchedIn,
      reissueNik: reissue,
    });
    const batchToken = await tokenFor(batchedIn);
    const batched = await timed(async () => {
      const ids: string[] = [];
      for (let i = 0; i < batches.registrations.length; i += 2000) {
        const { results } = await postJson(`${IDENTITY}/v1/children:batch`, batchToken, {
          items: batches.registrations.slice(i, i + 2000),
        });
        ids.push(...results.map((result) => result.id!));
      }
      // Intake records a child's measurements once it knows the child: as an integration, wait for that.
      await relayDrained(stackDatabase('identity'));
      await downstreamCaughtUp();
      const measurements = batches.measurements(ids);
      for (let i = 0; i < measurements.length; i += 5000) {
        const { results } = await postJson(`${INTAKE}/v1/measurements:batch`, batchToken, {
          items: measurements.slice(i, i + 5000),
        });
        const refused = results.filter((result) => result.status !== 'created');
        if (refused.length > 0) throw new Error(`batch refused ${refused.length} items: ${JSON.stringify(refused[0])}`);
      }
    });
    return table(
      ['path', 'rows', 'seconds', 'rows/s', 'identity RSS before → peak (MB)'],
      [
        [
          `e-PPGBM import (${format}, upload → finished)`,
          rows,
          imported.seconds.toFixed(1),
          Math.round(rows / imported.seconds),
          `${before.toFixed(0)} → ${peak.toFixed(0)}`,
        ],
        [
          'batch APIs (registrations, then measurements)',
          rows,
          batched.seconds.toFixed(1),
          Math.round(rows / batched.seconds),
          '',
        ],
      ],
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

// Serials run on from a random start, so a run's NIKs in the peer regency do not meet an earlier run's.
let serial = Math.floor(Math.random() * 9000);
const reissue = (districtCode: string, birthDate: string, sex: 'male' | 'female'): string =>
  composeNik(districtCode, birthDate, sex, (serial = (serial % 9998) + 1));
