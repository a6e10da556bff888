import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@registry/access';
import { RuleViolation } from '@registry/contracts';
import { PG_POOL } from '@registry/platform';
import type { Pool } from 'pg';
import { PersonalDataVault } from '../../infrastructure/personal-data-vault';
import { GetImportHandler } from '../get-import/get-import.handler';
import { IMPORT_CREDENTIAL_FIELD, importSubject } from '../infrastructure/import-file.pg';
import { ImportJobs } from '../infrastructure/import-jobs.pg';
import type { UploaderCredential } from '../../infrastructure/intake-measurements.client';
import type { ImportResponse } from '../import.response.dto';
import { ImportRunner } from '../run-import/import-runner';

/**
 * Resumes a job that waits for its uploader (intake refused their credential) or stopped, with the uploader's fresh
 * credential. Only the uploader (the same user, or the same API key): intake finds the measurements it recorded
 * already by the caller's own source record ids, so another caller's resend would record them again.
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
    if (callerOf(principal) !== callerOf(job.uploader))
      throw new RuleViolation(
        'forbidden',
        'credential',
        'the import was uploaded by another user or API key: its uploader resumes it (intake recognises what it already recorded by their own source record ids)',
      );
    const sealed = job.dryRun
      ? null
      : await this.vault.sealFor(this.pool, importSubject(id), IMPORT_CREDENTIAL_FIELD, JSON.stringify(credential));
    await this.jobs.update(id, {
      status: 'queued',
      problem: null,
      sealedCredential: sealed,
    });
    this.runner.kick();
    return this.imports.get(principal, id);
  }
}

/** Who intake takes a caller to be when it finds their earlier records (intake's callerOf). */
const callerOf = (principal: Principal): string =>
  principal.role === 'integration' && principal.apiKeyId ? `key:${principal.apiKeyId}` : `sub:${principal.subject}`;
