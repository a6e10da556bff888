import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { RuleViolation } from '@registry/contracts';
import type { PersonalDataVault, Queryable } from '../../infrastructure/personal-data-vault';

/** Uploads are streamed into chunks of this size: none is held whole in memory. */
const CHUNK_BYTES = 1024 * 1024;
/** An e-PPGBM export of a whole regency's history (100,000 rows) is 10–20 MB as CSV, less as xlsx. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const FIELD = 'import-file';
/** The uploader's credential, sealed with the job's key until the job ends. */
export const IMPORT_CREDENTIAL_FIELD = 'import-credential';

/** An import's subject in identity_data_keys: erasing it shreds the file and the credential. */
export const importSubject = (jobId: string): string => `import:${jobId}`;

export interface StoredFile {
  readonly sha256: string;
  readonly bytes: number;
  /** The first bytes, to tell an xlsx workbook (a zip) from a CSV. */
  readonly head: Buffer;
}

/**
 * The uploaded file, kept sealed in the database for as long as its job may need it (a resumed job reads it again):
 * chunks of 1 MiB, each sealed with the job's data key, written in the upload's transaction.
 */
export class ImportFileStore {
  constructor(private readonly vault: PersonalDataVault) {}

  /** Streams the body into the job's chunks and answers its digest; refuses (413) a file over MAX_IMPORT_BYTES. */
  async write(client: PoolClient, jobId: string, body: AsyncIterable<Buffer | string>): Promise<StoredFile> {
    const hash = createHash('sha256');
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let bytes = 0;
    let seq = 0;
    let head: Buffer | null = null;
    const flush = async () => {
      const chunk = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      head ??= chunk.subarray(0, 8);
      const sealed = await this.vault.sealFor(client, importSubject(jobId), FIELD, chunk.toString('base64'));
      await client.query('INSERT INTO identity_import_file_chunks (job_id, seq, sealed) VALUES ($1, $2, $3)', [
        jobId,
        seq,
        sealed,
      ]);
      seq += 1;
    };
    for await (const piece of body) {
      const buffer = typeof piece === 'string' ? Buffer.from(piece) : piece;
      bytes += buffer.length;
      if (bytes > MAX_IMPORT_BYTES)
        throw new RuleViolation(
          'too_large',
          'file',
          `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: export the regency in parts (by kecamatan or year)`,
        );
      hash.update(buffer);
      pending.push(buffer);
      pendingBytes += buffer.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    if (pendingBytes > 0 || seq === 0) await flush();
    return { sha256: hash.digest('hex'), bytes, head: head ?? Buffer.alloc(0) };
  }

  /** The file as uploaded, chunk by chunk; empty once the job's key was erased. */
  read(pool: Queryable, jobId: string): Readable {
    const vault = this.vault;
    return Readable.from(
      (async function* () {
        for (let seq = 0; ; seq += 1) {
          const { rows } = await pool.query<{ sealed: string }>(
            'SELECT sealed FROM identity_import_file_chunks WHERE job_id = $1 AND seq = $2',
            [jobId, seq],
          );
          if (rows.length === 0) return;
          const opened = await vault.openFor(pool, importSubject(jobId), FIELD, rows[0].sealed);
          if (opened === null) return;
          yield Buffer.from(opened, 'base64');
        }
      })(),
    );
  }
}
