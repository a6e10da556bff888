import ExcelJS from 'exceljs';
import { type EventEmitter, once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/** What became of one row of an uploaded e-PPGBM file. */
export interface OutcomeRow {
  /** The row's number in the uploaded file: the outcome is written on the same row number. */
  readonly rowNumber: number;
  /** The row's cells as read, by header position. */
  readonly cells: readonly string[];
  readonly outcome: string;
  readonly childId?: string;
  readonly measurementId?: string;
  readonly details: string;
}

/** The columns added after the file's own: result, child, measurement, explanation. */
export const OUTCOME_COLUMNS = ['Hasil', 'ID Anak', 'ID Pengukuran', 'Keterangan'] as const;

/** Rows written between two looks at the zip's backlog. */
const ROWS_PER_BATCH = 100;
/** XML the zip may hold unread before writing waits for it to catch up. */
const MAX_BACKLOG_BYTES = 1024 * 1024;

/**
 * Writes the uploaded sheet back with the outcome columns after its own, streaming: each row is committed as it
 * comes, so a file of 100,000 rows never sits in memory. Each row goes to its own row number, so a user finds row 57
 * of the upload on row 57 here; the rows must therefore come in increasing row order (anything else rejects).
 * Resolves once `out` has received the whole workbook. On any failure (of the rows, of `out`) it rejects and
 * destroys `out`: half a workbook is no workbook, and the receiver should see it cut off.
 */
export async function writeOutcomeWorkbook(
  out: Writable,
  headers: readonly string[],
  rows: AsyncIterable<OutcomeRow>,
): Promise<void> {
  return destroyingOnFailure(out, () => writeWorkbook(out, headers, rows));
}

async function writeWorkbook(
  out: Writable,
  headers: readonly string[],
  rows: AsyncIterable<OutcomeRow>,
): Promise<void> {
  const done = outputDone(out);
  // No cell styles: they cost exceljs about as much again per cell. The header is bold through its own text runs.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Hasil Impor', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.getRow(1).values = [...headers, ...OUTCOME_COLUMNS].map((text) => ({
    richText: [{ text, font: { bold: true } }],
  }));
  sheet.getRow(1).commit();
  let lastRow = 1;
  let written = 0;
  for await (const row of rows) {
    lastRow = nextRowNumber(row, lastRow);
    const target = sheet.getRow(row.rowNumber);
    // An empty cell stays empty instead of becoming an empty string.
    target.values = outcomeCells(headers, row).map((cell) => (cell === '' ? null : cell));
    target.commit();
    written += 1;
    if (written % ROWS_PER_BATCH === 0) await caughtUp(sheet, out, done);
  }
  sheet.commit();
  await Promise.all([workbook.commit(), done]);
}

/**
 * The same as a ';'-separated .csv (with a UTF-8 BOM, so spreadsheet programs take the encoding right); blank lines
 * keep each row on its row number.
 */
export async function writeOutcomeCsv(
  out: Writable,
  headers: readonly string[],
  rows: AsyncIterable<OutcomeRow>,
): Promise<void> {
  return destroyingOnFailure(out, () => writeCsv(out, headers, rows));
}

async function writeCsv(out: Writable, headers: readonly string[], rows: AsyncIterable<OutcomeRow>): Promise<void> {
  const done = outputDone(out);
  let chunk = `\uFEFF${csvLine([...headers, ...OUTCOME_COLUMNS])}`;
  let lastRow = 1;
  for await (const row of rows) {
    const previous = lastRow;
    lastRow = nextRowNumber(row, lastRow);
    chunk += '\r\n'.repeat(row.rowNumber - previous - 1) + csvLine(outcomeCells(headers, row));
    if (chunk.length >= 64 * 1024) {
      if (!out.write(chunk)) await drainedOrDone(out, done);
      chunk = '';
    }
  }
  out.end(chunk);
  await done;
}

async function destroyingOnFailure(out: Writable, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    // Without an error: `out` may have no 'error' listener, and the caller gets the error from here.
    out.destroy();
    throw error;
  }
}

function nextRowNumber(row: OutcomeRow, lastRow: number): number {
  if (!Number.isInteger(row.rowNumber) || row.rowNumber <= lastRow) {
    throw new RangeError(`outcome rows must come in increasing row order: row ${row.rowNumber} after row ${lastRow}`);
  }
  return row.rowNumber;
}

/** The row's own cells cut or padded to the header, so the outcome columns always stand under their names. */
function outcomeCells(headers: readonly string[], row: OutcomeRow): string[] {
  const own = Array.from({ length: headers.length }, (_, i) => row.cells[i] ?? '');
  return [...own, row.outcome, row.childId ?? '', row.measurementId ?? '', row.details];
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => (/[;"\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(';')}\r\n`;
}

/**
 * Resolves when `out` has taken everything, rejects when it fails or is closed first (a download cut off): every wait
 * for `out` races it, so an abandoned download ends the writing instead of leaving it waiting.
 */
function outputDone(out: Writable): Promise<void> {
  const done = finished(out, { readable: false });
  done.catch(() => undefined);
  return done;
}

async function drainedOrDone(stream: EventEmitter, done: Promise<void>): Promise<void> {
  const abort = new AbortController();
  try {
    await Promise.race([once(stream, 'drain', { signal: abort.signal }), done]);
  } finally {
    abort.abort();
  }
}

/** The zip entry a worksheet writes into: exceljs writes there without heeding its backpressure. */
interface ZipEntryStream extends EventEmitter {
  readonly writableLength?: number;
  readonly _writableState?: { readonly length: number };
}

/**
 * Lets the zip catch up with the rows written: exceljs pushes each row's XML into the worksheet's zip entry without
 * waiting, so a producer faster than the compression would pile the whole sheet up in memory. Waits while the
 * entry holds more than MAX_BACKLOG_BYTES unread, and while `out` is full.
 */
async function caughtUp(sheet: ExcelJS.Worksheet, out: Writable, done: Promise<void>): Promise<void> {
  // exceljs 4 keeps the entry as the first pipe of the worksheet's own stream; without it, a turn of the event loop.
  const entry = (sheet as unknown as { stream?: { pipes?: ZipEntryStream[] } }).stream?.pipes?.[0];
  const backlog = entry ? (entry.writableLength ?? entry._writableState?.length ?? 0) : 0;
  if (entry && backlog > MAX_BACKLOG_BYTES) await drainedOrDone(entry, done);
  else await new Promise((resolve) => setImmediate(resolve));
  if (out.writableNeedDrain) await drainedOrDone(out, done);
}
