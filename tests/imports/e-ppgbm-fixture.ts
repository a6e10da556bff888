import { PassThrough } from 'node:stream';
import { loadGrowthStandards, loadRegions } from '@registry/reference-data';
import {
  generateEppgbmExport,
  writeEppgbmCsv,
  writeEppgbmXlsx,
  type EppgbmExport,
  type EppgbmExportOptions,
} from '@registry/simulation';
import type { Client } from '../support/registry';
import { eventually, serviceUrl } from '../support/services';

export const regions = loadRegions();
export const standards = loadGrowthStandards();

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An export generated for the regency, as the simulation writes them (real desa names, valid NIKs). */
export const exportOf = (options: Omit<EppgbmExportOptions, 'regions' | 'standards'>): EppgbmExport =>
  generateEppgbmExport({ regions, standards, ...options });

/** The export's bytes as an .xlsx workbook or a CSV file. */
export async function fileOf(
  generated: Pick<EppgbmExport, 'headers' | 'rows'>,
  format: 'xlsx' | 'csv',
  separator: ';' | ',' = ';',
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  if (format === 'xlsx') await writeEppgbmXlsx(out, generated.headers, generated.rows);
  else await writeEppgbmCsv(out, generated.headers, generated.rows, separator);
  return Buffer.concat(chunks);
}

export interface ImportJob {
  readonly id: string;
  readonly status: string;
  readonly phase: string;
  readonly cursorRow: number;
  readonly dryRun: boolean;
  readonly reused?: boolean;
  readonly problem: string | null;
  readonly counts: Record<string, number>;
}

export interface ImportRow {
  readonly rowNumber: number;
  readonly childOutcome: string | null;
  readonly childId: string | null;
  readonly measurementOutcome: string | null;
  readonly measurementId: string | null;
  readonly reasons: string[];
  readonly warnings: string[];
  readonly disagreements: string[];
}

/** Uploads the file as a browser or curl sends one: the bytes as the body. */
export async function upload(
  token: string,
  file: Buffer,
  options: { readonly type: string; readonly dryRun?: boolean; readonly fileName?: string },
): Promise<{ status: number; body: ImportJob & { message?: string }; location: string | null }> {
  const query = new URLSearchParams({
    dryRun: String(options.dryRun ?? false),
    fileName: options.fileName ?? 'e-ppgbm',
  });
  const response = await fetch(serviceUrl('identity', `/v1/imports/e-ppgbm?${query}`), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': options.type },
    body: new Uint8Array(file),
  });
  const body = (await response.json()) as ImportJob & { message?: string };
  return { status: response.status, body, location: response.headers.get('location') };
}

/** Waits until the job has ended (finished or failed), reading its state: an import is followed, never slept on. */
export const ended = (identity: Client, id: string, timeoutMs = 240_000): Promise<ImportJob> =>
  eventually(
    async () => (await identity.get(`/v1/imports/${id}`)).body as ImportJob,
    (job) => job.status === 'finished' || job.status === 'failed',
    `import ${id} did not end`,
    timeoutMs,
  );

/** Every row's outcome, page after page. */
export async function rowsOf(identity: Client, id: string): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for (let after = 1; ;) {
    const { status, body } = await identity.get(`/v1/imports/${id}/rows?after=${after}&limit=5000`);
    expect(status).toBe(200);
    rows.push(...(body.rows as ImportRow[]));
    if (body.nextAfter === null) return rows;
    after = body.nextAfter as number;
  }
}
