import { Injectable } from '@nestjs/common';
import { canSee, type Principal } from '@registry/access';
import { RuleViolation } from '@registry/contracts';
import type { ImportJob } from '../import-job';
import { ImportJobs } from '../infrastructure/import-jobs.pg';
import { importResponseOf, type ImportResponse } from '../import.response.dto';

/** An import job and its counts, for a caller of its regency; another regency's job is not found. */
@Injectable()
export class GetImportHandler {
  constructor(private readonly jobs: ImportJobs) {}

  async get(principal: Principal, id: string): Promise<ImportResponse> {
    return this.view(await this.visibleJob(principal, id));
  }

  async view(job: ImportJob, reused?: boolean): Promise<ImportResponse> {
    return importResponseOf(job, await this.jobs.counts(job.id), reused);
  }

  async visibleJob(principal: Principal, id: string): Promise<ImportJob> {
    const job = await this.jobs.find(id);
    if (!job || !canSee(principal, job.regencyCode))
      throw new RuleViolation('not_found', 'id', `no import ${id} in your regency`);
    return job;
  }
}
