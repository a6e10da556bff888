import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PG_POOL } from '@registry/platform';
import type { Pool } from 'pg';
import { PersonalDataVault } from '../../infrastructure/personal-data-vault';
import type { ImportJob } from '../import-job';
import { importSubject } from '../infrastructure/import-file.pg';
import { ImportJobs } from '../infrastructure/import-jobs.pg';
import { ImportJobRun } from './import-job-run';

/** How long an ended import keeps its file for the outcome download (GET /v1/imports/{id}/rows?format=xlsx). */
export const FILE_RETENTION_DAYS = 30;
/** Between checks for jobs left by another instance, when nobody kicks: uploads kick at once. */
const IDLE_POLL_MS = 30_000;

/**
 * Runs import jobs, one at a time per process, oldest first: queued ones, and running ones whose process stopped
 * (a restart, a kill -9), which resume after the last chunk they wrote (import-job-run.ts). A job is held by a
 * session advisory lock on a connection of its own, so two instances never run one job and a dead process's job is
 * free at once.
 */
@Injectable()
export class ImportRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImportRunner.name);
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private kicked = false;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly jobs: ImportJobs,
    private readonly vault: PersonalDataVault,
    private readonly runs: ImportJobRun,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.runLoop();
  }

  /** Stops between chunks: the job stays `running` and the next start resumes it. */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.kick();
    await this.loop;
  }

  /** A job was queued: look now rather than at the next poll. */
  kick(): void {
    this.kicked = true;
    this.wake?.();
  }

  private async runLoop(): Promise<void> {
    while (!this.stopping) {
      this.kicked = false;
      try {
        for (const job of await this.jobs.open()) {
          if (this.stopping) return;
          await this.runHeld(job);
        }
        await this.shredExpiredFiles();
      } catch (error) {
        this.logger.error({ err: error }, 'import jobs could not be read; trying again');
      }
      if (!this.kicked && !this.stopping)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, IDLE_POLL_MS);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      this.wake = null;
    }
  }

  /** Uploaded files hold NIKs and names: kept while their outcomes are looked at, then shredded. */
  private async shredExpiredFiles(): Promise<void> {
    for (const id of await this.jobs.withExpiredFiles(FILE_RETENTION_DAYS)) {
      await this.vault.erase(this.pool, importSubject(id));
      await this.jobs.deleteFile(id);
    }
  }

  private async runHeld(job: ImportJob): Promise<void> {
    const holder = await this.pool.connect();
    try {
      const { rows } = await holder.query<{ held: boolean }>(
        'SELECT pg_try_advisory_lock(7007, hashtext($1)) AS held',
        [job.id],
      );
      if (!rows[0].held) {
        holder.release();
        return;
      }
      try {
        // Read again under the lock: another instance may have finished it meanwhile.
        const current = await this.jobs.find(job.id);
        if (current && (current.status === 'queued' || current.status === 'running'))
          await this.runs.run(current, () => this.stopping);
      } finally {
        await holder.query('SELECT pg_advisory_unlock(7007, hashtext($1))', [job.id]);
      }
      holder.release();
    } catch (error) {
      holder.release(error as Error);
      this.logger.error({ err: error, importId: job.id }, 'import stopped on an error');
      await this.jobs
        .update(job.id, {
          status: 'failed',
          problem: `the import stopped on an error (${(error as Error).message}): resume it with POST /v1/imports/${job.id}/resume`,
        })
        .catch(() => undefined);
    }
  }
}
