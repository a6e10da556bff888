import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '@registry/contracts';
import { eppgbmHeader, mapHeaders, type EppgbmColumn } from '@registry/identity-domain';
import { PG_POOL } from '@registry/platform';
import { Regions } from '@registry/regions';
import type { Pool } from 'pg';
import { PersonalDataVault } from '../../infrastructure/personal-data-vault';
import type { ImportJob } from '../import-job';
import { IMPORT_CREDENTIAL_FIELD, ImportFileStore, importSubject } from '../infrastructure/import-file.pg';
import { ImportJobs } from '../infrastructure/import-jobs.pg';
import {
  IntakeMeasurementsClient,
  type IntakeAnswer,
  type MeasurementItem,
  type UploaderCredential,
} from '../../infrastructure/intake-measurements.client';
import { decideChildren } from './children-phase';
import { IdentityChildrenPort } from './identity-children.port';
import { CHUNK_ROWS, openSheet } from './import-sheet';
import { decideMeasurements, type SendMeasurements } from './measurements-phase';

/** How long an import keeps sending measurements intake answers `retry` for (children it does not know yet). */
const RETRY_WINDOW_MS = 5 * 60_000;

type Send = (key: string) => SendMeasurements;

/**
 * One run of an import job, from where it stands to its end, or until it must stop (the service stops, intake
 * refuses the uploader's credential).
 *
 * The children phase reads the file once: it finds or registers every row's child (by NIK, else by name, birth
 * date, sex and desa) and keeps each row's measurement (no personal data) with its outcome. The measurements phase
 * then sends those to intake in the uploader's name, two chunks in flight. Each chunk's outcomes are written with the
 * cursor in one transaction, and each chunk's registrations and measurements are idempotent (an Idempotency-Key per
 * chunk, a source record id per row): a chunk interrupted and done again creates nothing twice.
 */
@Injectable()
export class ImportJobRun {
  private readonly logger = new Logger(ImportJobRun.name);

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly jobs: ImportJobs,
    private readonly files: ImportFileStore,
    private readonly vault: PersonalDataVault,
    private readonly regions: Regions,
    private readonly intake: IntakeMeasurementsClient,
    private readonly children: IdentityChildrenPort,
  ) {}

  async run(job: ImportJob, stopping: () => boolean): Promise<void> {
    await this.jobs.update(job.id, { status: 'running' });
    const started = this.clock().getTime();
    let current: ImportJob = { ...job, status: 'running' };
    if (current.phase === 'children') {
      const headers = await this.childrenPhase(current, stopping);
      if (!headers) return;
      this.logger.log(
        { importId: job.id, seconds: (this.clock().getTime() - started) / 1000 },
        'import: every row has its child',
      );
      current = { ...current, headers, phase: 'measurements', cursorRow: 1 };
      await this.jobs.update(job.id, { phase: 'measurements', cursorRow: 1 });
    }
    if (!(await this.measurementsPhase(current, stopping))) return;
    // The credential is no longer needed; the file stays for the outcome download until FILE_RETENTION_DAYS.
    await this.jobs.update(job.id, { status: 'finished', phase: 'done', sealedCredential: null, finished: true });
    this.logger.log(
      { importId: job.id, ...(await this.jobs.counts(job.id)), seconds: (this.clock().getTime() - started) / 1000 },
      'import finished',
    );
  }

  /** The file's headers once every row has its child; null when the job stopped (failed, or the service stops). */
  private async childrenPhase(job: ImportJob, stopping: () => boolean): Promise<readonly string[] | null> {
    const sheet = await openSheet(this.files.read(this.pool, job.id), job.format, {
      regions: this.regions,
      regencyCode: job.regencyCode,
    });
    if ('problems' in sheet) {
      await this.jobs.update(job.id, {
        status: 'failed',
        headers: sheet.headers,
        problem: `the file cannot be imported: ${sheet.problems.join('; ')}`,
        finished: true,
      });
      return null;
    }
    if (job.headers === null) await this.jobs.update(job.id, { headers: sheet.headers });
    const known = new Map<string, string | null>();
    for await (const chunk of sheet.chunks) {
      const first = chunk[0].source.rowNumber;
      const last = chunk[chunk.length - 1].source.rowNumber;
      if (last <= job.cursorRow) {
        // Done before a restart: only the children it found are needed, for the rows after it.
        const decided = await this.jobs.childrenOfRows(job.id, first, last);
        for (const { source, child } of chunk) {
          const stored = decided.get(source.rowNumber);
          if (child && stored && stored.outcome !== 'rejected' && !known.has(child.key))
            known.set(child.key, stored.childId);
        }
        continue;
      }
      if (stopping()) return null;
      const outcomes = await decideChildren(job, chunk, known, this.children, sheet.headerOf);
      await this.jobs.saveChildOutcomes(job.id, outcomes, last);
    }
    return sheet.headers;
  }

  /** True once every row's measurement is decided. */
  private async measurementsPhase(job: ImportJob, stopping: () => boolean): Promise<boolean> {
    const credential = job.dryRun ? null : await this.credentialOf(job);
    if (!job.dryRun && !credential) return this.waitForUploader(job, "the uploader's credential is no longer kept");
    const send: Send = (key) => (items) => this.sendPatiently(job, credential!, items, key, stopping);
    const headerOf = headersOf(job);
    // Two chunks in flight: intake records one while the next is read and sent. Outcomes are written in row order,
    // so the cursor only moves past chunks whose outcomes are all written.
    let written: Promise<boolean> = Promise.resolve(true);
    const inFlight: Array<Promise<boolean>> = [];
    let retryAfterSeconds = 0;
    for (let after = job.cursorRow; !stopping();) {
      const rows = await this.jobs.measurementRows(job.id, { afterRow: after, limit: CHUNK_ROWS });
      if (rows.length === 0) break;
      const last = rows[rows.length - 1].rowNumber;
      const deciding = decideMeasurements(job, rows, send(`${rows[0].rowNumber}`), { headerOf });
      written = Promise.all([deciding, written]).then(async ([decision, goingOn]) => {
        if (!goingOn) return false;
        if (decision.kind === 'stopped') return this.waitForUploader(job, decision.answer.message);
        retryAfterSeconds = Math.max(retryAfterSeconds, decision.retryAfterSeconds);
        await this.jobs.saveMeasurementOutcomes(job.id, decision.outcomes, last);
        return true;
      });
      inFlight.push(written);
      after = last;
      if (inFlight.length === 2 && !(await inFlight.shift())) break;
    }
    if (!(await written) || stopping()) return false;
    return this.sendPending(job, send, headerOf, retryAfterSeconds, stopping);
  }

  /**
   * The measurements intake answered `retry` for (their children's registrations were still on their way over
   * Kafka), sent again until it knows them. Read from the database, so a job resumed after a restart sends what was
   * pending when it stopped. After RETRY_WINDOW_MS the job fails, saying so, with those rows undecided: resumed
   * later (intake caught up), it sends them again.
   */
  private async sendPending(
    job: ImportJob,
    send: Send,
    headerOf: (column: EppgbmColumn) => string,
    retryAfterSeconds: number,
    stopping: () => boolean,
  ): Promise<boolean> {
    const deadline = this.clock().getTime() + RETRY_WINDOW_MS;
    for (let wait = Math.max(retryAfterSeconds, 1); ;) {
      let after = 1;
      let pending = 0;
      for (;;) {
        const rows = await this.jobs.measurementRows(job.id, { afterRow: after, limit: CHUNK_ROWS });
        if (rows.length === 0) break;
        if (stopping()) return false;
        if (this.clock().getTime() >= deadline) {
          await this.jobs.update(job.id, {
            status: 'failed',
            problem: `intake has not known the children of some rows for ${RETRY_WINDOW_MS / 60_000} minutes (is its consumer of identity's events behind? GET /v1/ops/freshness): resume the import with POST /v1/imports/${job.id}/resume once it has caught up`,
          });
          return false;
        }
        if (after === 1) await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 5) * 1000));
        // One key per set of rows: a resumed job sending the same rows gets the first answer again.
        const key = `pending-${createHash('sha256')
          .update(rows.map((row) => row.rowNumber).join(','))
          .digest('hex')
          .slice(0, 16)}`;
        const decision = await decideMeasurements(job, rows, send(key), { headerOf });
        if (decision.kind === 'stopped') return this.waitForUploader(job, decision.answer.message);
        wait = Math.max(wait, decision.retryAfterSeconds);
        pending += decision.pending.length;
        await this.jobs.saveMeasurementOutcomes(job.id, decision.outcomes, null);
        after = rows[rows.length - 1].rowNumber;
      }
      if (pending === 0) return true;
    }
  }

  private async waitForUploader(job: ImportJob, message: string): Promise<false> {
    await this.jobs.update(job.id, {
      status: 'waiting_for_uploader',
      problem: `${message}: sign in again and resume the import with POST /v1/imports/${job.id}/resume`,
    });
    return false;
  }

  /** Intake down or overloaded is waited out (the job is durable); a refused credential stops the job. */
  private async sendPatiently(
    job: ImportJob,
    credential: UploaderCredential,
    items: readonly MeasurementItem[],
    keySuffix: string,
    stopping: () => boolean,
  ): Promise<IntakeAnswer> {
    for (let wait = 1_000; ; wait = Math.min(wait * 2, 30_000)) {
      const answer = await this.intake.recordBatch(credential, items, {
        idempotencyKey: `e-ppgbm:${job.id}:measurements:${keySuffix}`,
        correlationId: `import-${job.id}`,
      });
      if (answer.kind !== 'unavailable' || stopping()) return answer;
      this.logger.warn({ importId: job.id, reason: answer.message }, 'intake unavailable; the import waits');
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private async credentialOf(job: ImportJob): Promise<UploaderCredential | null> {
    const sealed = await this.jobs.sealedCredential(job.id);
    if (sealed === null) return null;
    const opened = await this.vault.openFor(this.pool, importSubject(job.id), IMPORT_CREDENTIAL_FIELD, sealed);
    return opened === null ? null : (JSON.parse(opened) as UploaderCredential);
  }
}

/** The file's header of a column, as its first phase read it, for refusals naming it. */
function headersOf(job: ImportJob): (column: EppgbmColumn) => string {
  const mapping = mapHeaders(job.headers ?? []);
  return (column) =>
    (mapping.ok ? mapping.recognised.find((header) => header.column === column)?.header : undefined) ??
    eppgbmHeader(column);
}
