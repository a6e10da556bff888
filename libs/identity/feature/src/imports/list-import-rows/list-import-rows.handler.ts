import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { PG_POOL } from '@registry/platform';
import type { Writable } from 'node:stream';
import type { Pool } from 'pg';
import { GetImportHandler } from '../get-import/get-import.handler';
import type { ImportRowOutcome } from '../import-job';
import { readEppgbmSheet } from '../infrastructure/e-ppgbm-file';
import { writeOutcomeCsv, writeOutcomeWorkbook, type OutcomeRow } from '../infrastructure/e-ppgbm-outcome-workbook';
import { ImportFileStore } from '../infrastructure/import-file.pg';
import { ImportJobs } from '../infrastructure/import-jobs.pg';
import type { ImportRowsResponse } from './list-import-rows.response.dto';

const PAGE = 2000;

/** A row's outcome in the uploader's words, for the spreadsheet's Hasil column. */
export function outcomeLabel(row: ImportRowOutcome | undefined): string {
  if (!row) return 'belum diproses';
  const child = {
    created: 'anak baru didaftarkan',
    matched: 'anak sudah terdaftar',
    would_create: 'anak akan didaftarkan',
    would_match: 'anak sudah terdaftar',
    rejected: 'ditolak',
  } as const;
  const measurement = {
    created: 'pengukuran dicatat',
    duplicate: 'pengukuran sudah ada',
    rejected: 'pengukuran ditolak',
    would_create: 'pengukuran akan dicatat',
  } as const;
  return [
    row.childOutcome ? child[row.childOutcome] : null,
    row.measurementOutcome ? measurement[row.measurementOutcome] : null,
  ]
    .filter(Boolean)
    .join('; ');
}

/** Each row's outcome: a page of JSON, or the uploaded file itself with four outcome columns added. */
@Injectable()
export class ListImportRowsHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly jobs: ImportJobs,
    private readonly files: ImportFileStore,
    private readonly imports: GetImportHandler,
  ) {}

  async page(
    principal: Principal,
    id: string,
    options: {
      readonly after: number;
      readonly limit: number;
      readonly only?: 'rejected' | 'warnings' | 'disagreements';
    },
  ): Promise<ImportRowsResponse> {
    await this.imports.visibleJob(principal, id);
    const rows = await this.jobs.rows(id, { afterRow: options.after, limit: options.limit, only: options.only });
    return {
      rows: rows.map((row) => ({
        ...row,
        reasons: [...row.reasons],
        warnings: [...row.warnings],
        disagreements: [...row.disagreements],
      })),
      nextAfter: rows.length === options.limit ? rows[rows.length - 1].rowNumber : null,
    };
  }

  /**
   * Checks the caller may read the job and that its file is still kept (a finished job's file is shredded: the
   * outcomes remain as JSON), then answers the writer of the download.
   */
  async download(
    principal: Principal,
    id: string,
    format: 'xlsx' | 'csv',
  ): Promise<{ readonly fileName: string; readonly write: (out: Writable) => Promise<void> } | null> {
    const job = await this.imports.visibleJob(principal, id);
    const { rows } = await this.pool.query('SELECT 1 FROM identity_import_file_chunks WHERE job_id = $1 LIMIT 1', [id]);
    if (rows.length === 0) return null;
    const jobs = this.jobs;
    const sheet = await readEppgbmSheet(this.files.read(this.pool, id), job.format);
    async function* outcomeRows(): AsyncGenerator<OutcomeRow> {
      let page: ImportRowOutcome[] = [];
      let at = 0;
      for await (const source of sheet.rows) {
        while (at < page.length && page[at].rowNumber < source.rowNumber) at += 1;
        if (at === page.length) {
          page = await jobs.rows(id, { afterRow: source.rowNumber - 1, limit: PAGE });
          at = 0;
        }
        const outcome = page[at]?.rowNumber === source.rowNumber ? page[at] : undefined;
        yield {
          rowNumber: source.rowNumber,
          cells: source.cells,
          outcome: outcomeLabel(outcome),
          childId: outcome?.childId ?? undefined,
          measurementId: outcome?.measurementId ?? undefined,
          details: outcome ? [...outcome.reasons, ...outcome.warnings, ...outcome.disagreements].join('; ') : '',
        };
      }
    }
    const base = job.fileName.replace(/\.(xlsx|csv)$/i, '');
    return {
      fileName: `${base}-hasil.${format}`,
      write: (out) =>
        format === 'xlsx'
          ? writeOutcomeWorkbook(out, sheet.headers, outcomeRows())
          : writeOutcomeCsv(out, sheet.headers, outcomeRows()),
    };
  }
}
