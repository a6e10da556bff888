import { type EppgbmColumn, eppgbmHeader } from './columns';
import { readDate, readDecimal } from './cell-values';
import type { RowProblem } from './eppgbm-row';
import type { RecognisedHeaders } from './header-mapping';
import type { EppgbmSourceRow } from './source-row';
import { collapseSpaces } from './text';

/** Where each column's cells are and how the file names it; built once per mapping, not per row. */
export class ColumnLayout {
  private static readonly byMapping = new WeakMap<RecognisedHeaders, ColumnLayout>();
  private readonly headers = new Map<EppgbmColumn, string>();

  private constructor(readonly positions: ReadonlyMap<EppgbmColumn, number>) {}

  static of(mapping: RecognisedHeaders): ColumnLayout {
    let layout = ColumnLayout.byMapping.get(mapping);
    if (!layout) {
      layout = new ColumnLayout(mapping.columns);
      for (const { column, header } of mapping.recognised) layout.headers.set(column, header);
      ColumnLayout.byMapping.set(mapping, layout);
    }
    return layout;
  }

  /** The header as the file writes it, else e-PPGBM's own spelling. */
  header(column: EppgbmColumn): string {
    return this.headers.get(column) ?? eppgbmHeader(column);
  }
}

export interface NumberSpec {
  /** 'kilograms', 'centimetres' */
  readonly unit: string;
  /** How to write one, e.g. '7,7'. */
  readonly example: string;
  /** What a value of 0 or less is not: 'a weight'. */
  readonly what: string;
}

/** One row's cells read by column, collecting a problem per wrong cell instead of stopping at the first. */
export class RowCells {
  readonly problems: RowProblem[] = [];

  constructor(
    private readonly layout: ColumnLayout,
    private readonly row: EppgbmSourceRow,
  ) {}

  /** The cell trimmed; '' when the file has no such column, the cell is empty or holds only the placeholder '-'. */
  text(column: EppgbmColumn): string {
    const position = this.layout.positions.get(column);
    if (position === undefined) return '';
    const text = (this.row.cells[position] ?? '').trim();
    return text === '-' ? '' : text;
  }

  has(column: EppgbmColumn): boolean {
    return this.layout.positions.has(column);
  }

  problem(column: EppgbmColumn, message: string): void {
    this.problems.push({ column: this.layout.header(column), message });
  }

  header(column: EppgbmColumn): string {
    return this.layout.header(column);
  }

  /** Collapsed text of a cell that must be filled in and fit `maxLength`; null after a problem. */
  requiredText(column: EppgbmColumn, needed: string, maxLength: number): string | null {
    const text = collapseSpaces(this.text(column));
    if (text === '') this.problem(column, `is empty; ${needed}`);
    else if (text.length > maxLength) this.problem(column, `is longer than ${maxLength} characters; shorten it`);
    else return text;
    return null;
  }

  /** A positive number, or undefined when empty or wrong (then with a problem). */
  positiveNumber(column: EppgbmColumn, spec: NumberSpec): number | undefined {
    const text = this.text(column);
    if (text === '') return undefined;
    const value = readDecimal(text);
    if (value === null) {
      this.problem(column, `'${text}' is not a number of ${spec.unit}; write it like ${spec.example}`);
      return undefined;
    }
    if (value <= 0) {
      this.problem(
        column,
        `${text} is not ${spec.what}; write it in ${spec.unit}, more than 0, or leave the cell empty if it was not measured`,
      );
      return undefined;
    }
    return value;
  }

  /** A filled-in date as YYYY-MM-DD, or null after a problem. */
  date(column: EppgbmColumn, needed: string): string | null {
    const text = this.text(column);
    if (text === '') {
      this.problem(column, `is empty; ${needed}`);
      return null;
    }
    const reading = readDate(text);
    if ('date' in reading) return reading.date;
    this.problem(
      column,
      reading.wrong === 'form'
        ? `'${text}' is not a date; write it as DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD, e.g. 05-03-2024`
        : `'${text}' is no day of the calendar; write a real date as DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD`,
    );
    return null;
  }
}
