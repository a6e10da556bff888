import { Inject, Injectable } from '@nestjs/common';
import type { Principal, RegionalPrincipal } from '@registry/access';
import { CLOCK, RuleViolation, uuidV7, type Clock } from '@registry/contracts';
import { inTransaction } from '@registry/event-store';
import { PG_POOL } from '@registry/platform';
import type { Pool } from 'pg';
import { PersonalDataVault } from '../../infrastructure/personal-data-vault';
import type { ImportJob } from '../import-job';
import { formatOf } from '../infrastructure/e-ppgbm-file';
import { IMPORT_CREDENTIAL_FIELD, ImportFileStore, importSubject } from '../infrastructure/import-file.pg';
import { ImportJobs } from '../infrastructure/import-jobs.pg';
import type { UploaderCredential } from '../../infrastructure/intake-measurements.client';
import { ImportRunner } from '../run-import/import-runner';

export interface StartedImport {
  readonly job: ImportJob;
  /** The same file was uploaded to this regency before: its job is answered, nothing is imported twice. */
  readonly reused: boolean;
}

/**
 * Takes an upload: the file is streamed into the database, sealed (it holds NIKs and names), with the job that
 * will import it and the uploader's credential, all in one transaction: an upload cut off leaves nothing. A file
 * this regency uploaded before (same content, same dry-run flag) finds its job instead.
 */
@Injectable()
export class StartImportHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly jobs: ImportJobs,
    private readonly files: ImportFileStore,
    private readonly vault: PersonalDataVault,
    private readonly runner: ImportRunner,
  ) {}

  async start(
    principal: Principal,
    credential: UploaderCredential,
    body: AsyncIterable<Buffer | string>,
    options: { readonly fileName: string; readonly dryRun: boolean },
  ): Promise<StartedImport> {
    const uploader = regionalOf(principal);
    const id = uuidV7(this.clock().getTime());
    const stored = await inTransaction(
      this.pool,
      async (client) => {
        await this.jobs.insert(client, { id, regencyCode: uploader.regencyCode, ...options, uploader }, this.clock());
        const file = await this.files.write(client, id, body);
        if (file.bytes === 0)
          throw new RuleViolation('malformed', 'file', 'the file is empty: send the e-PPGBM export as the body');
        // Two uploads of one file at once: the second waits for the first's commit here, then finds its job.
        await client.query('SELECT pg_advisory_xact_lock(7008, hashtext($1))', [
          `${uploader.regencyCode}:${file.sha256}`,
        ]);
        const existing = await this.jobs.findByFile(client, uploader.regencyCode, file.sha256, options.dryRun);
        if (existing) return { kind: 'reused' as const, job: existing };
        const sealed = options.dryRun
          ? null
          : await this.vault.sealFor(client, importSubject(id), IMPORT_CREDENTIAL_FIELD, JSON.stringify(credential));
        await this.jobs.received(
          client,
          id,
          { sha256: file.sha256, bytes: file.bytes, format: formatOf(file.head) },
          sealed,
        );
        return { kind: 'created' as const };
      },
      // The same file again: nothing of this upload is kept.
      { rollBackIf: (result) => result.kind === 'reused' },
    );
    if (stored.kind === 'reused') return { job: stored.job, reused: true };
    this.runner.kick();
    return { job: (await this.jobs.find(id))!, reused: false };
  }
}

/** Imports are a regency's: the uploader's regency is the job's. */
function regionalOf(principal: Principal): RegionalPrincipal {
  if (principal.regencyCode === null)
    throw new RuleViolation('forbidden', 'role', `role ${principal.role} imports no regency's data`);
  return principal;
}
