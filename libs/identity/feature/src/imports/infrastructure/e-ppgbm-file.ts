import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { pipeline, Readable } from 'node:stream';
import type { EppgbmSheet, EppgbmSourceRow } from '@registry/identity-domain';
import { xlsxCellText } from './xlsx-cell-text';

export type EppgbmFileFormat = 'csv' | 'xlsx';

/** The uploaded file cannot be read as the format it was sent as; the message says what to do about it. */
export class EppgbmFileError extends Error {
  override readonly name = 'EppgbmFileError';
}

/**
 * Reads an e-PPGBM export as it streams in: the promise gives the header once it has been read, and the rows follow
 * from the same stream (they can be iterated once, and should be: the input waits for them). Only the current rows
 * and the xlsx shared strings are held in memory; exceljs spools a worksheet that comes before its shared strings (as
 * Excel writes them) to a temporary file. Unreadable content rejects, or fails the iteration, with an
 * EppgbmFileError; a failure of the input itself comes as its own error.
 */
export async function readEppgbmSheet(input: Readable, format: EppgbmFileFormat): Promise<EppgbmSheet> {
  return format === 'csv' ? sheetOf(await csvRecords(input)) : sheetOf(await xlsxRecords(input));
}

interface SourceRecord {
  readonly rowNumber: number;
  readonly cells: string[];
}

/** The first non-empty record is the header; blank records are skipped but keep their row numbers. */
async function sheetOf(records: AsyncGenerator<SourceRecord>): Promise<EppgbmSheet> {
  let header: SourceRecord | undefined;
  while (!header) {
    const next = await records.next();
    if (next.done) throw new EppgbmFileError('the file has no header row: it holds no data at all');
    if (lastFilled(next.value.cells) >= 0) header = next.value;
  }
  const headers = header.cells.slice(0, lastFilled(header.cells) + 1).map((cell) => cell.trim());
  let taken = false;
  async function* rows(): AsyncGenerator<EppgbmSourceRow> {
    try {
      for (let next = await records.next(); !next.done; next = await records.next()) {
        const last = lastFilled(next.value.cells);
        if (last < 0) continue;
        // Cells by header position; cells past the last header are kept when filled: a shifted row is the parser's
        // to report.
        const cells = Array.from({ length: Math.max(headers.length, last + 1) }, (_, i) => next.value.cells[i] ?? '');
        yield { rowNumber: next.value.rowNumber, cells };
      }
    } finally {
      // Stops the reading when the consumer stops early; a no-op when it ran to the end.
      await records.return(undefined);
    }
  }
  return {
    headers,
    rows: {
      [Symbol.asyncIterator]: () => {
        if (taken) throw new Error('the rows of an e-PPGBM file can be read only once');
        taken = true;
        return rows();
      },
    },
  };
}

function lastFilled(cells: readonly (string | undefined)[]): number {
  for (let i = cells.length - 1; i >= 0; i -= 1) if (cells[i]?.trim()) return i;
  return -1;
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

const CSV_HEAD_LIMIT = 64 * 1024;
/** A record longer than this is no e-PPGBM row: most likely a quote never closed, or a binary file. */
const MAX_RECORD_BYTES = 1024 * 1024;

async function csvRecords(input: Readable): Promise<AsyncGenerator<SourceRecord>> {
  const { head, rest } = await peek(input, (bytes) => bytes.includes(0x0a) || bytes.length >= CSV_HEAD_LIMIT);
  const notCsv = describeBinary(head);
  if (notCsv) throw new EppgbmFileError(`the file is not a .csv text file: ${notCsv}`);
  const parser = parse({
    delimiter: delimiterOf(head),
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    trim: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  // pipeline, not pipe: an error of the upload must reach the parser, or the rows would wait for it forever.
  pipeline(rest, parser, () => undefined);
  return (async function* () {
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
        // Empty lines are records too, so `records` is the row number a spreadsheet program shows.
        yield { rowNumber: info.records, cells: record.map((cell) => cell.trim()) };
      }
    } catch (error) {
      throw error instanceof CsvError ? new EppgbmFileError(`the .csv file cannot be read: ${error.message}`) : error;
    } finally {
      parser.destroy();
    }
  })();
}

/** e-PPGBM writes ';' with decimal commas or ',' with decimal points: the header line tells which. */
function delimiterOf(head: Buffer): ';' | ',' {
  const end = head.indexOf(0x0a);
  const line = head.subarray(0, end < 0 ? head.length : end).toString('utf8');
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ';') semicolons += 1;
    else if (!quoted && char === ',') commas += 1;
  }
  return semicolons > commas ? ';' : ',';
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * The format to read a file as, from its first bytes: a workbook (an .xlsx is a zip; an old .xls is read as one too,
 * for the reader's message saying to save it as .xlsx), else CSV.
 */
export function formatOf(head: Buffer): EppgbmFileFormat {
  const signature = head.subarray(0, 4);
  return signature.equals(ZIP_SIGNATURE) || signature.equals(OLE2_SIGNATURE) ? 'xlsx' : 'csv';
}

/** What a file that is not text is, in words a user can act on; null for text. */
function describeBinary(head: Buffer): string | null {
  if (head.subarray(0, 4).equals(ZIP_SIGNATURE)) return 'it is a zip archive, most likely an .xlsx workbook';
  if (head.subarray(0, 4).equals(OLE2_SIGNATURE)) return 'it is an Excel 97–2003 .xls workbook';
  return head.includes(0x00) ? 'it holds binary data' : null;
}

async function xlsxRecords(input: Readable): Promise<AsyncGenerator<SourceRecord>> {
  const { head, rest } = await peek(input, (bytes) => bytes.length >= 4);
  if (head.length === 0) throw new EppgbmFileError('the file is not an .xlsx workbook: the file is empty');
  if (head.subarray(0, 4).equals(OLE2_SIGNATURE)) {
    throw new EppgbmFileError(
      'the file is not an .xlsx workbook: it is an Excel 97–2003 .xls workbook; open it in a spreadsheet program and ' +
        'save it as .xlsx',
    );
  }
  if (!head.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    const what = describeBinary(head) ? 'it is not a zip archive' : 'it is text, perhaps a .csv file';
    throw new EppgbmFileError(`the file is not an .xlsx workbook: ${what}; export the sheet again as .xlsx`);
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(rest, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Cached styles tell date cells from number cells.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const failure = new InputFailure(rest);
  return (async function* () {
    let sheets = 0;
    try {
      for await (const worksheet of failure.guard(reader)) {
        sheets += 1;
        // Later worksheets are drained unread, so the whole upload is consumed.
        if (sheets > 1) continue;
        const date1904 = isDate1904(reader);
        for await (const row of failure.guard(worksheet)) {
          const cells: string[] = [];
          row.eachCell((cell, column) => {
            cells[column - 1] = xlsxCellText(cell.value, cell.numFmt, date1904);
          });
          yield { rowNumber: row.number, cells: Array.from(cells, (cell) => cell ?? '') };
        }
      }
    } catch (error) {
      // The upload's own failure is no fault of the file.
      if (error instanceof EppgbmFileError || failure.caused(error)) throw error;
      throw new EppgbmFileError(`the file is not an .xlsx workbook: ${xlsxProblem(error)}`);
    } finally {
      rest.destroy();
    }
    if (sheets === 0) throw new EppgbmFileError('the file is not an .xlsx workbook: it has no worksheet');
  })();
}

function xlsxProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/FILE_ENDED|unexpected end/i.test(message))
    return `the file is cut short or damaged (${message}); upload it again`;
  if (/invalid signature/i.test(message)) return `the zip archive is damaged (${message}); export the sheet again`;
  return message;
}

function isDate1904(reader: ExcelJS.stream.xlsx.WorkbookReader): boolean {
  // The workbook's properties are read before its sheets, but exceljs's types do not declare them.
  const properties = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties;
  return properties?.model?.date1904 === true;
}

/**
 * exceljs pipes the input into its unzipper without passing errors on: an error of the upload must fail the step
 * that waits for it, or that step would wait forever. (Not Promise.race against one long-lived promise: each race
 * would leave a reaction on it holding its row, and every row would stay in memory.)
 */
class InputFailure {
  private error: { readonly cause: unknown } | null = null;
  private readonly waiting = new Set<(error: unknown) => void>();

  constructor(input: Readable) {
    input.once('error', (cause: unknown) => {
      this.error = { cause };
      for (const reject of this.waiting) reject(cause);
    });
  }

  caused(error: unknown): boolean {
    return this.error !== null && this.error.cause === error;
  }

  /** Each step of `iterable`, or the input's error, whichever comes first. */
  async *guard<T>(iterable: AsyncIterable<T>): AsyncGenerator<T> {
    const iterator = iterable[Symbol.asyncIterator]();
    let pending = false;
    try {
      for (;;) {
        pending = true;
        const next = await this.step(iterator.next());
        pending = false;
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // A generator still waiting on a step cannot be returned: its return would wait behind that step forever.
      if (!pending) await iterator.return?.();
    }
  }

  private step<T>(promise: Promise<T>): Promise<T> {
    if (this.error) return Promise.reject(this.error.cause);
    return new Promise<T>((resolve, reject) => {
      this.waiting.add(reject);
      promise.then(resolve, reject).finally(() => this.waiting.delete(reject));
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** Reads the first bytes of `input` without losing them: `rest` streams the whole input again, from its start. */
async function peek(input: Readable, enough: (head: Buffer) => boolean): Promise<{ head: Buffer; rest: Readable }> {
  const iterator: AsyncIterator<Buffer | string> = input[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let head = Buffer.alloc(0);
  let ended = false;
  while (!ended && !enough(head)) {
    const next = await iterator.next();
    if (next.done) ended = true;
    else {
      chunks.push(Buffer.from(next.value));
      head = Buffer.concat(chunks);
    }
  }
  async function* all(): AsyncGenerator<Buffer | string> {
    yield* chunks;
    if (!ended) yield* { [Symbol.asyncIterator]: () => iterator };
  }
  return { head, rest: Readable.from(all(), { objectMode: false }) };
}
