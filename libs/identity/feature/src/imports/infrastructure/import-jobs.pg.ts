// One file over 300 lines: every statement on the import tables (import-schema.migration.ts) in one place, so a
// change of those tables is read against all of its queries at once.
import { Inject, Injectable } from '@nestjs/common';
import type { RegionalPrincipal } from '@registry/access';
import { inTransaction } from '@registry/event-store';
import { PG_POOL } from '@registry/platform';
import type { Pool, PoolClient } from 'pg';
import type {
  ChildOutcome,
  ChildRowOutcome,
  ImportedMeasurement,
  MeasurementRow,
  ImportCounts,
  ImportFormat,
  ImportJob,
  ImportPhase,
  ImportRowOutcome,
  ImportStatus,
  MeasurementRowOutcome,
} from '../import-job';

interface JobRow {
  id: string;
  regency_code: string;
  file_sha256: string;
  file_name: string;
  format: ImportFormat;
  file_bytes: string;
  dry_run: boolean;
  status: ImportStatus;
  phase: ImportPhase;
  cursor_row: number;
  uploader: RegionalPrincipal;
  headers: string[] | null;
  problem: string | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
}

const toJob = (row: JobRow): ImportJob => ({
  id: row.id,
  regencyCode: row.regency_code,
  fileSha256: row.file_sha256,
  fileName: row.file_name,
  format: row.format,
  fileBytes: Number(row.file_bytes),
  dryRun: row.dry_run,
  status: row.status,
  phase: row.phase,
  cursorRow: row.cursor_row,
  uploader: row.uploader,
  headers: row.headers,
  problem: row.problem,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  finishedAt: row.finished_at,
});

/** Import jobs and their rows' outcomes in identity's database (import-schema.migration.ts). */
@Injectable()
export class ImportJobs {
  constructor(@Inject(PG_POOL) readonly pool: Pool) {}

  async find(id: string): Promise<ImportJob | null> {
    const { rows } = await this.pool.query<JobRow>('SELECT * FROM identity_import_jobs WHERE id = $1', [id]);
    return rows[0] ? toJob(rows[0]) : null;
  }

  async findByFile(
    client: PoolClient,
    regencyCode: string,
    sha256: string,
    dryRun: boolean,
  ): Promise<ImportJob | null> {
    const { rows } = await client.query<JobRow>(
      'SELECT * FROM identity_import_jobs WHERE regency_code = $1 AND file_sha256 = $2 AND dry_run = $3',
      [regencyCode, sha256, dryRun],
    );
    return rows[0] ? toJob(rows[0]) : null;
  }

  /** Jobs to run, oldest first: queued, and running ones whose process stopped (a restart, a kill -9). */
  async open(): Promise<ImportJob[]> {
    const { rows } = await this.pool.query<JobRow>(
      `SELECT * FROM identity_import_jobs WHERE status IN ('queued', 'running') ORDER BY created_at`,
    );
    return rows.map(toJob);
  }

  /** The new job's row, before its file is written (the chunks refer to it), in the upload's transaction. */
  async insert(
    client: PoolClient,
    job: Pick<ImportJob, 'id' | 'regencyCode' | 'fileName' | 'dryRun' | 'uploader'>,
    now: Date,
  ): Promise<void> {
    await client.query(
      `INSERT INTO identity_import_jobs
         (id, regency_code, file_sha256, file_name, format, file_bytes, dry_run, status, phase, uploader,
          created_at, updated_at)
       VALUES ($1::uuid, $2, $1::text, $3, 'csv', 0, $4, 'queued', 'children', $5, $6, $6)`,
      [job.id, job.regencyCode, job.fileName, job.dryRun, JSON.stringify(job.uploader), now],
    );
  }

  /** The job's file is whole: its digest, format and size, and the uploader's credential, sealed. */
  async received(
    client: PoolClient,
    id: string,
    file: { readonly sha256: string; readonly format: ImportFormat; readonly bytes: number },
    sealedCredential: string | null,
  ): Promise<void> {
    await client.query(
      `UPDATE identity_import_jobs SET file_sha256 = $2, format = $3, file_bytes = $4, sealed_credential = $5
        WHERE id = $1`,
      [id, file.sha256, file.format, file.bytes, sealedCredential],
    );
  }

  async sealedCredential(id: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ sealed_credential: string | null }>(
      'SELECT sealed_credential FROM identity_import_jobs WHERE id = $1',
      [id],
    );
    return rows[0]?.sealed_credential ?? null;
  }

  async update(
    id: string,
    changes: Partial<Pick<ImportJob, 'status' | 'phase' | 'cursorRow' | 'problem' | 'headers'>> & {
      readonly sealedCredential?: string | null;
      readonly finished?: boolean;
    },
    client: Pick<PoolClient, 'query'> = this.pool,
  ): Promise<void> {
    const columns: Record<string, unknown> = {
      status: changes.status,
      phase: changes.phase,
      cursor_row: changes.cursorRow,
      problem: changes.problem,
      headers: changes.headers === undefined ? undefined : JSON.stringify(changes.headers),
      sealed_credential: changes.sealedCredential,
    };
    const set = Object.entries(columns).filter(([, value]) => value !== undefined);
    const values = set.map(([, value]) => value);
    const assignments = set.map(([column], i) => `${column} = $${i + 2}`);
    if (changes.finished) assignments.push('finished_at = now()');
    await client.query(
      `UPDATE identity_import_jobs SET ${[...assignments, 'updated_at = now()'].join(', ')} WHERE id = $1`,
      [id, ...values],
    );
  }

  /** One chunk of the children phase: its rows' outcomes and the cursor after them, together. */
  async saveChildOutcomes(jobId: string, outcomes: readonly ChildRowOutcome[], cursorRow: number): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO identity_import_rows (job_id, row_number, child_outcome, child_id, reasons, warnings, measurement)
         SELECT $1, o.row_number, o.outcome, o.child_id, o.reasons, o.warnings, o.measurement
           FROM jsonb_to_recordset($2::jsonb)
             AS o(row_number integer, outcome text, child_id uuid, reasons text[], warnings text[], measurement jsonb)
         ON CONFLICT (job_id, row_number) DO UPDATE
           SET child_outcome = EXCLUDED.child_outcome, child_id = EXCLUDED.child_id,
               reasons = EXCLUDED.reasons, warnings = EXCLUDED.warnings, measurement = EXCLUDED.measurement`,
        [
          jobId,
          JSON.stringify(
            outcomes.map((o) => ({
              row_number: o.rowNumber,
              outcome: o.outcome,
              child_id: o.childId,
              reasons: o.reasons,
              warnings: o.warnings,
              measurement: o.measurement,
            })),
          ),
        ],
      );
      await this.update(jobId, { cursorRow }, client);
    });
  }

  /**
   * The rows to send after `afterRow`, in row order: those whose child was found (or would be registered, in a dry
   * run) and whose measurement is undecided; `pendingOnly` keeps those intake answered `retry` for, in any row.
   */
  async measurementRows(
    jobId: string,
    options: { readonly afterRow: number; readonly limit: number },
  ): Promise<MeasurementRow[]> {
    const { rows } = await this.pool.query<{
      row_number: number;
      child_id: string | null;
      measurement: ImportedMeasurement;
    }>(
      `SELECT row_number, child_id, measurement FROM identity_import_rows
        WHERE job_id = $1 AND row_number > $2 AND measurement_outcome IS NULL
          AND child_outcome IN ('created', 'matched', 'would_create', 'would_match')
        ORDER BY row_number LIMIT $3`,
      [jobId, options.afterRow, options.limit],
    );
    return rows.map((row) => ({ rowNumber: row.row_number, childId: row.child_id, measurement: row.measurement }));
  }

  /** One chunk of the measurements phase: its rows' outcomes and the cursor after them (unless null), together. */
  async saveMeasurementOutcomes(
    jobId: string,
    outcomes: readonly MeasurementRowOutcome[],
    cursorRow: number | null,
  ): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `UPDATE identity_import_rows r
            SET measurement_outcome = o.outcome, measurement_id = o.measurement_id, duplicate_of = o.duplicate_of,
                measurement_reasons = o.reasons, disagreements = o.disagreements
           FROM jsonb_to_recordset($2::jsonb) AS o(row_number integer, outcome text, measurement_id uuid,
                duplicate_of uuid, reasons text[], disagreements text[])
          WHERE r.job_id = $1 AND r.row_number = o.row_number`,
        [
          jobId,
          JSON.stringify(
            outcomes.map((o) => ({
              row_number: o.rowNumber,
              outcome: o.outcome,
              measurement_id: o.measurementId,
              duplicate_of: o.duplicateOf,
              reasons: o.reasons,
              disagreements: o.disagreements,
            })),
          ),
        ],
      );
      if (cursorRow !== null) await this.update(jobId, { cursorRow }, client);
    });
  }

  /** What the children phase decided for rows first..last, by row number. */
  async childrenOfRows(
    jobId: string,
    first: number,
    last: number,
  ): Promise<Map<number, { readonly outcome: ChildOutcome; readonly childId: string | null }>> {
    const { rows } = await this.pool.query<{
      row_number: number;
      child_outcome: ChildOutcome;
      child_id: string | null;
    }>(
      `SELECT row_number, child_outcome, child_id FROM identity_import_rows
        WHERE job_id = $1 AND row_number BETWEEN $2 AND $3 AND child_outcome IS NOT NULL`,
      [jobId, first, last],
    );
    return new Map(rows.map((row) => [row.row_number, { outcome: row.child_outcome, childId: row.child_id }]));
  }

  /**
   * Jobs that ended more than `days` ago and still keep their file: its chunks go, and the caller erases the job's
   * key (the file's copies in backups become unreadable with it).
   */
  async withExpiredFiles(days: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT j.id FROM identity_import_jobs j
        WHERE j.finished_at < now() - make_interval(days => $1)
          AND EXISTS (SELECT 1 FROM identity_import_file_chunks c WHERE c.job_id = j.id)`,
      [days],
    );
    return rows.map((row) => row.id);
  }

  async deleteFile(jobId: string): Promise<void> {
    await this.pool.query('DELETE FROM identity_import_file_chunks WHERE job_id = $1', [jobId]);
  }

  async counts(jobId: string): Promise<ImportCounts> {
    const { rows } = await this.pool.query<Record<keyof ImportCounts, number>>(
      `SELECT count(*)::int AS "rows",
              count(*) FILTER (WHERE child_outcome IN ('created', 'would_create'))::int AS "childrenCreated",
              count(*) FILTER (WHERE child_outcome IN ('matched', 'would_match'))::int AS "childrenMatched",
              count(*) FILTER (WHERE measurement_outcome IN ('created', 'would_create'))::int AS "measurementsCreated",
              count(*) FILTER (WHERE measurement_outcome = 'duplicate')::int AS "duplicates",
              count(*) FILTER (WHERE child_outcome = 'rejected' OR measurement_outcome = 'rejected')::int
                AS "rejectedRows",
              count(*) FILTER (WHERE cardinality(warnings) > 0)::int AS "rowsWithWarnings",
              count(*) FILTER (WHERE cardinality(disagreements) > 0)::int AS "rowsWithDisagreements"
         FROM identity_import_rows WHERE job_id = $1`,
      [jobId],
    );
    return rows[0];
  }

  /** Rows' outcomes in row order, after `afterRow`; `only` keeps the rows with that outcome. */
  async rows(
    jobId: string,
    options: {
      readonly afterRow: number;
      readonly limit: number;
      readonly only?: 'rejected' | 'warnings' | 'disagreements';
    },
  ): Promise<ImportRowOutcome[]> {
    const filter = {
      rejected: `AND (child_outcome = 'rejected' OR measurement_outcome = 'rejected')`,
      warnings: 'AND cardinality(warnings) > 0',
      disagreements: 'AND cardinality(disagreements) > 0',
    }[options.only ?? ('' as never)];
    const { rows } = await this.pool.query<{
      row_number: number;
      child_outcome: ImportRowOutcome['childOutcome'];
      child_id: string | null;
      measurement_outcome: ImportRowOutcome['measurementOutcome'];
      measurement_id: string | null;
      duplicate_of: string | null;
      reasons: string[];
      measurement_reasons: string[];
      warnings: string[];
      disagreements: string[];
    }>(
      `SELECT * FROM identity_import_rows WHERE job_id = $1 AND row_number > $2 ${filter ?? ''}
        ORDER BY row_number LIMIT $3`,
      [jobId, options.afterRow, options.limit],
    );
    return rows.map((row) => ({
      rowNumber: row.row_number,
      childOutcome: row.child_outcome,
      childId: row.child_id,
      measurementOutcome: row.measurement_outcome,
      measurementId: row.measurement_id,
      duplicateOf: row.duplicate_of,
      reasons: [...row.reasons, ...row.measurement_reasons],
      warnings: row.warnings,
      disagreements: row.disagreements,
    }));
  }
}
