import { compareWithExport, type EppgbmColumn } from '@registry/identity-domain';
import type { ImportJob, MeasurementRow, MeasurementRowOutcome } from '../import-job';
import type {
  IntakeAnswer,
  MeasurementItem,
  MeasurementItemResult,
} from '../../infrastructure/intake-measurements.client';
import { inColumns } from './children-phase';

const COLUMN_OF_FIELD: ReadonlyArray<readonly [string, EppgbmColumn]> = [
  ['measuredOn', 'measuredOn'],
  ['weightKg', 'weight'],
  ['heightCm', 'height'],
  ['position', 'method'],
  ['muacCm', 'muac'],
  ['puskesmasCode', 'puskesmas'],
  ['posyanduCode', 'posyandu'],
];

/** The measurement of the row for intake's batch; its source record id makes a resend return the first result. */
export function measurementOf(job: ImportJob, row: MeasurementRow): MeasurementItem {
  const { measurement } = row;
  return {
    childId: row.childId!,
    measuredOn: measurement.measuredOn,
    ...(measurement.weightKg === undefined ? {} : { weightKg: measurement.weightKg }),
    ...(measurement.heightCm === undefined ? {} : { heightCm: measurement.heightCm }),
    position: measurement.position,
    ...(measurement.muacCm === undefined ? {} : { muacCm: measurement.muacCm }),
    puskesmasCode: measurement.puskesmasCode,
    ...(measurement.posyanduCode === undefined ? {} : { posyanduCode: measurement.posyanduCode }),
    sourceRecordId: `e-ppgbm:${job.fileSha256.slice(0, 32)}:${row.rowNumber}`,
  };
}

/** What the measurements phase needs of intake: one batch, in the uploader's name, under an idempotency key. */
export type SendMeasurements = (items: readonly MeasurementItem[]) => Promise<IntakeAnswer>;

export type MeasurementsDecision =
  | {
      readonly kind: 'decided';
      readonly outcomes: readonly MeasurementRowOutcome[];
      /** Rows intake answered `retry` for (a child it does not know yet): sent again later, see import-runner.ts. */
      readonly pending: readonly number[];
      readonly retryAfterSeconds: number;
    }
  | { readonly kind: 'stopped'; readonly answer: Exclude<IntakeAnswer, { kind: 'results' }> };

/**
 * Sends the rows' measurements and says what became of each: created (the export's z-scores and statuses compared
 * with intake's), a duplicate, or refused with intake's reasons in the export's columns. `retry` answers are left
 * pending, to be sent again (import-job-run.ts). A dry run sends nothing.
 */
export async function decideMeasurements(
  job: ImportJob,
  rows: readonly MeasurementRow[],
  send: SendMeasurements,
  options: { readonly headerOf: (column: EppgbmColumn) => string },
): Promise<MeasurementsDecision> {
  const none = { kind: 'decided', pending: [], retryAfterSeconds: 0 } as const;
  if (job.dryRun)
    return {
      ...none,
      outcomes: rows.map(({ rowNumber }) => ({
        rowNumber,
        outcome: 'would_create',
        measurementId: null,
        duplicateOf: null,
        reasons: [],
        disagreements: [],
      })),
    };
  if (rows.length === 0) return { ...none, outcomes: [] };

  const answer = await send(rows.map((row) => measurementOf(job, row)));
  if (answer.kind !== 'results') return { kind: 'stopped', answer };
  const outcomes: MeasurementRowOutcome[] = [];
  const pending: number[] = [];
  let retryAfterSeconds = 0;
  answer.results.forEach((result, i) => {
    const row = rows[i];
    if (result.status === 'retry') {
      pending.push(row.rowNumber);
      retryAfterSeconds = Math.max(retryAfterSeconds, result.retryAfterSeconds ?? 1);
    } else {
      outcomes.push(outcomeOf(row, result.status, result, options.headerOf));
    }
  });
  return { kind: 'decided', outcomes, pending, retryAfterSeconds };
}

function outcomeOf(
  row: MeasurementRow,
  status: Exclude<MeasurementItemResult['status'], 'retry'>,
  result: MeasurementItemResult,
  headerOf: (column: EppgbmColumn) => string,
): MeasurementRowOutcome {
  const base = { rowNumber: row.rowNumber, duplicateOf: null, disagreements: [] as string[], reasons: [] as string[] };
  switch (status) {
    case 'created':
    case 'duplicate':
      return {
        ...base,
        outcome: status,
        measurementId: result.measurement?.id ?? null,
        duplicateOf: result.duplicateOf ?? null,
        disagreements: result.measurement ? compareWithExport(row.measurement.exported, result.measurement) : [],
      };
    case 'rejected':
      return {
        ...base,
        outcome: 'rejected',
        measurementId: null,
        reasons: (result.reasons ?? []).map((reason) => inColumns(reason, headerOf, COLUMN_OF_FIELD)),
      };
    default: {
      const unknown: never = status;
      throw new Error(`unknown measurement result ${String(unknown)}`);
    }
  }
}
