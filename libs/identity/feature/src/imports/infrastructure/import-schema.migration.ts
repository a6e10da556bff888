import { Migration } from '@mikro-orm/migrations';

/**
 * e-PPGBM imports (run-import/import-runner.ts): the job, the uploaded file and each row's outcome live in the
 * database, not in memory, so a job survives a restart of its service and resumes where it was.
 * - identity_import_jobs: one per (regency, file content, dry run): uploading the same file again finds it.
 * - identity_import_file_chunks: the file as uploaded, sealed with the job's data key (it holds NIKs and names);
 *   erasing the job's key (identity_data_keys, subject `import:<id>`) shreds it, the uploader's credential too.
 * - identity_import_rows: what became of each row; written with the cursor, one chunk of rows per transaction.
 */
export class IdentityImportsMigration extends Migration {
  override name = '20261207010000-identity-imports';

  override up(): void {
    this.addSql(`
CREATE TABLE identity_import_jobs (
  id uuid PRIMARY KEY,
  regency_code text NOT NULL,
  file_sha256 text NOT NULL,
  file_name text NOT NULL,
  format text NOT NULL CHECK (format IN ('csv', 'xlsx')),
  file_bytes bigint NOT NULL,
  dry_run boolean NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'waiting_for_uploader', 'finished', 'failed')),
  phase text NOT NULL CHECK (phase IN ('children', 'measurements', 'done')),
  -- The last row number the current phase has finished (rows of one chunk are written with it).
  cursor_row integer NOT NULL DEFAULT 1,
  uploader jsonb NOT NULL,
  sealed_credential text,
  headers jsonb,
  problem text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  finished_at timestamptz
);
CREATE UNIQUE INDEX identity_import_jobs_file_key ON identity_import_jobs (regency_code, file_sha256, dry_run);
CREATE INDEX identity_import_jobs_open_idx ON identity_import_jobs (created_at) WHERE status IN ('queued', 'running');

CREATE TABLE identity_import_file_chunks (
  job_id uuid NOT NULL REFERENCES identity_import_jobs (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  sealed text NOT NULL,
  PRIMARY KEY (job_id, seq)
);

CREATE TABLE identity_import_rows (
  job_id uuid NOT NULL REFERENCES identity_import_jobs (id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  -- What the measurements phase sends for the row (values, facility codes, the export's own z-scores): no personal
  -- data, so it is read back from here rather than from the sealed file.
  measurement jsonb,
  child_outcome text CHECK (child_outcome IN ('created', 'matched', 'would_create', 'would_match', 'rejected')),
  child_id uuid,
  measurement_outcome text CHECK (measurement_outcome IN ('created', 'duplicate', 'rejected', 'would_create')),
  measurement_id uuid,
  duplicate_of uuid,
  reasons text[] NOT NULL DEFAULT '{}',
  measurement_reasons text[] NOT NULL DEFAULT '{}',
  warnings text[] NOT NULL DEFAULT '{}',
  disagreements text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (job_id, row_number)
);
`);
  }
}
