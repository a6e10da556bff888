import type { RegionalPrincipal } from '@registry/access';
import type { EppgbmRow } from '@registry/identity-domain';

export type ImportStatus = 'queued' | 'running' | 'waiting_for_uploader' | 'finished' | 'failed';
/** Children are found or registered for every row first, then the measurements are sent: see import-runner.ts. */
export type ImportPhase = 'children' | 'measurements' | 'done';
export type ImportFormat = 'csv' | 'xlsx';

export interface ImportJob {
  readonly id: string;
  readonly regencyCode: string;
  readonly fileSha256: string;
  readonly fileName: string;
  readonly format: ImportFormat;
  readonly fileBytes: number;
  readonly dryRun: boolean;
  readonly status: ImportStatus;
  readonly phase: ImportPhase;
  /** The last row the current phase has finished; the header is row 1. */
  readonly cursorRow: number;
  /** Whose rights the job uses: registrations are theirs, and so are the measurements sent in their name. */
  readonly uploader: RegionalPrincipal;
  readonly headers: readonly string[] | null;
  /** Why the job failed or waits, in words for the uploader. */
  readonly problem: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly finishedAt: Date | null;
}

export type ChildOutcome = 'created' | 'matched' | 'would_create' | 'would_match' | 'rejected';
export type MeasurementOutcome = 'created' | 'duplicate' | 'rejected' | 'would_create';

/** A row's measurement as the children phase read it, kept for the measurements phase. */
export type ImportedMeasurement = EppgbmRow['measurement'] & { readonly exported: EppgbmRow['exported'] };

/** What the children phase decided for one row. */
export interface ChildRowOutcome {
  readonly rowNumber: number;
  readonly outcome: ChildOutcome;
  readonly childId: string | null;
  readonly reasons: readonly string[];
  readonly warnings: readonly string[];
  /** Null for a row that did not parse. */
  readonly measurement: ImportedMeasurement | null;
}

/** A row the measurements phase sends: its child found (or, in a dry run, to be registered). */
export interface MeasurementRow {
  readonly rowNumber: number;
  readonly childId: string | null;
  readonly measurement: ImportedMeasurement;
}

/** What the measurements phase got for one row. */
export interface MeasurementRowOutcome {
  readonly rowNumber: number;
  readonly outcome: MeasurementOutcome;
  readonly measurementId: string | null;
  readonly duplicateOf: string | null;
  readonly reasons: readonly string[];
  readonly disagreements: readonly string[];
}

/** A row's whole outcome, as listed and downloaded. */
export interface ImportRowOutcome {
  readonly rowNumber: number;
  readonly childOutcome: ChildOutcome | null;
  readonly childId: string | null;
  readonly measurementOutcome: MeasurementOutcome | null;
  readonly measurementId: string | null;
  readonly duplicateOf: string | null;
  readonly reasons: readonly string[];
  readonly warnings: readonly string[];
  readonly disagreements: readonly string[];
}

export interface ImportCounts {
  readonly rows: number;
  readonly childrenCreated: number;
  readonly childrenMatched: number;
  readonly measurementsCreated: number;
  readonly duplicates: number;
  readonly rejectedRows: number;
  readonly rowsWithWarnings: number;
  readonly rowsWithDisagreements: number;
}
