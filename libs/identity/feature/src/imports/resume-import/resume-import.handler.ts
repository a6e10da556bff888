import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { RuleViolation } from '@registry/contracts';
import { PG_POOL } from '@registry/platform';
import type { Pool } from 'pg';
import { PersonalDataVault } from '../../infrastructure/personal-data-vault';
import { GetImportHandler } from '../get-import/get-import.handler';
import { IMPORT_CREDENTIAL_FIELD, importSubject } from '../infrastructure/import-file.pg';
import { ImportJobs } from '../infrastructure/import-jobs.pg';
import type { UploaderCredential } from '../infrastructure/intake-measurements.client';
import type { ImportResponse } from '../import.response.dto';
import { ImportRunner } from '../run-import/import-runner';

/**
 * Resumes a job that waits for its uploader (intake refused their credential) or stopped on an error, with the
 * caller's credential: by the uploader, or another user of the regency with the same role, in whose name the rest
 * is then sent.
 */
@Injectable()
export class ResumeImportHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly jobs: ImportJobs,
    private readonly vault: PersonalDataVault,
    private readonly imports: GetImportHandler,
    private readonly runner: ImportRunner,
  ) {}

  async resume(principal: Principal, id: string, credential: UploaderCredential): Promise<ImportResponse> {
    const job = await this.imports.visibleJob(principal, id);
    if (job.status !== 'waiting_for_uploader' && job.status !== 'failed')
      throw new RuleViolation(
        'conflict',
        'status',
        `the import is ${job.status}: only a waiting or failed import resumes`,
        {
          status: job.status,
        },
      );
    if (principal.role !== job.uploader.role)
      throw new RuleViolation(
        'forbidden',
        'role',
        `the import was uploaded by role ${job.uploader.role}: a user of that role resumes it, in whose name it goes on`,
      );
    const sealed = job.dryRun
      ? null
      : await this.vault.sealFor(this.pool, importSubject(id), IMPORT_CREDENTIAL_FIELD, JSON.stringify(credential));
    await this.jobs.update(id, {
      status: 'queued',
      problem: null,
      sealedCredential: sealed,
      uploader: principal.regencyCode === null ? job.uploader : principal,
    });
    this.runner.kick();
    return this.imports.get(principal, id);
  }
}
