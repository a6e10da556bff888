import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ImportCounts, ImportJob } from './import-job';

export class ImportCountsResponse implements ImportCounts {
  @ApiProperty({ description: 'Rows decided so far' }) readonly rows!: number;
  @ApiProperty({ description: 'Rows that registered their child (or would, in a dry run)' })
  readonly childrenCreated!: number;
  @ApiProperty({ description: 'Rows whose child was registered already, or by an earlier row' })
  readonly childrenMatched!: number;
  @ApiProperty({ description: 'Measurements recorded (or that would be, in a dry run)' })
  readonly measurementsCreated!: number;
  @ApiProperty({ description: 'Rows intake had recorded already under their source record id (a row sent twice)' })
  readonly duplicates!: number;
  @ApiProperty({ description: 'Rows refused, each with its reasons (GET …/rows?only=rejected)' })
  readonly rejectedRows!: number;
  @ApiProperty({ description: 'Rows with a warning, e.g. a possible duplicate child' })
  readonly rowsWithWarnings!: number;
  @ApiProperty({ description: 'Rows whose export z-scores or statuses differ from the registry’s' })
  readonly rowsWithDisagreements!: number;
}

/** An import job as its uploader follows it. */
export class ImportResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({
    enum: ['queued', 'running', 'waiting_for_uploader', 'finished', 'failed'],
    description:
      'waiting_for_uploader: intake refused the uploader’s credential (expired): resume with a fresh one; failed: see problem',
  })
  readonly status!: ImportJob['status'];
  @ApiProperty({ enum: ['children', 'measurements', 'done'] }) readonly phase!: ImportJob['phase'];
  @ApiProperty({ description: 'The last row the current phase has finished (the header is row 1)' })
  readonly cursorRow!: number;
  @ApiProperty({ description: 'true: validated and reported, nothing written' }) readonly dryRun!: boolean;
  @ApiProperty() readonly fileName!: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) readonly format!: ImportJob['format'];
  @ApiProperty() readonly fileBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the file: the same file uploaded again finds this job' })
  readonly fileSha256!: string;
  @ApiProperty({ example: '36.03' }) readonly regencyCode!: string;
  @ApiProperty({ type: String, nullable: true }) readonly problem!: string | null;
  @ApiProperty({ type: ImportCountsResponse }) readonly counts!: ImportCountsResponse;
  @ApiProperty({ format: 'date-time' }) readonly createdAt!: string;
  @ApiProperty({ format: 'date-time' }) readonly updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly finishedAt!: string | null;
  @ApiPropertyOptional({ description: 'Answered to an upload: true when the same file had been uploaded before' })
  readonly reused?: boolean;
}

export const importResponseOf = (job: ImportJob, counts: ImportCounts, reused?: boolean): ImportResponse => ({
  id: job.id,
  status: job.status,
  phase: job.phase,
  cursorRow: job.cursorRow,
  dryRun: job.dryRun,
  fileName: job.fileName,
  format: job.format,
  fileBytes: job.fileBytes,
  fileSha256: job.fileSha256,
  regencyCode: job.regencyCode,
  problem: job.problem,
  counts,
  createdAt: job.createdAt.toISOString(),
  updatedAt: job.updatedAt.toISOString(),
  finishedAt: job.finishedAt?.toISOString() ?? null,
  ...(reused === undefined ? {} : { reused }),
});
