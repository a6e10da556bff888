import type { Sex } from '../child';
import type { EppgbmSourceRow } from './source-row';

/** The old system's opinion on one indicator: kept to compare with the registry's, never stored as truth. */
export interface ExportedOpinion {
  readonly z?: number;
  /** The status as the export writes it ('Pendek', 'Gizi Baik'). */
  readonly status?: string;
}

/** One row of an e-PPGBM export read into what a registration and a measurement need. */
export interface EppgbmRow {
  readonly rowNumber: number;
  readonly child: {
    readonly nik: string | null;
    readonly name: string;
    readonly sex: Sex;
    /** YYYY-MM-DD */
    readonly birthDate: string;
    readonly birthWeightGrams?: number;
    readonly birthLengthCm?: number;
    /** From 'Nama Ortu': e-PPGBM records the mother there. */
    readonly motherName: string;
    readonly villageCode: string;
    /** Three digits, e.g. '003'. */
    readonly rt?: string;
    readonly rw?: string;
    readonly addressLine?: string;
  };
  readonly measurement: {
    /** YYYY-MM-DD; whether it lies in the future is the measurement rules' to say. */
    readonly measuredOn: string;
    /** As written; the measurement rules round to the scale and check the range. */
    readonly weightKg?: number;
    readonly heightCm?: number;
    readonly position: 'lying' | 'standing';
    readonly muacCm?: number;
    /** FACILITY_CODE-shaped, e.g. 'PKM-BALARAJA'. */
    readonly puskesmasCode: string;
    readonly posyanduCode?: string;
  };
  readonly exported: {
    readonly weightForAge?: ExportedOpinion;
    readonly heightForAge?: ExportedOpinion;
    readonly weightForHeight?: ExportedOpinion;
  };
}

export interface RowProblem {
  /** The header exactly as written in the file (e-PPGBM's own spelling when the file lacks the column). */
  readonly column: string;
  /** What is wrong and how to fix it, without the column name: show it as rowProblemText does. */
  readonly message: string;
}

export type ParsedRow =
  | { readonly ok: true; readonly row: EppgbmRow }
  | { readonly ok: false; readonly rowNumber: number; readonly problems: readonly RowProblem[] };

/** "Berat: 'tujuh' is not a number of kilograms; write it like 7,7" */
export const rowProblemText = (problem: RowProblem): string => `${problem.column}: ${problem.message}`;

/** Spreadsheets end with rows that only look empty: skip them rather than report every required cell. */
export const isBlankRow = (row: EppgbmSourceRow): boolean => row.cells.every((cell) => cell.trim() === '');
