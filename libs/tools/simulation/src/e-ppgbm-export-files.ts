import ExcelJS from 'exceljs';
import { type EventEmitter, once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

const CHUNK_CHARS = 64 * 1024;
const ROWS_PER_BATCH = 100;
/** XML the zip may hold unread before writing waits for it to catch up. */
const MAX_BACKLOG_BYTES = 1024 * 1024;

/**
 * Writes an export as a .csv, the way e-PPGBM and spreadsheet programs do: cells holding the separator, a quote or a
 * line break are quoted. Waits for `out` when it is full; resolves once it has taken everything.
 */
export async function writeEppgbmCsv(
  out: Writable,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  separator: ';' | ',',
): Promise<void> {
  const special = separator === ';' ? /[;"\r\n]/ : /[,"\r\n]/;
  const line = (cells: readonly string[]): string =>
    `${cells.map((cell) => (special.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(separator)}\r\n`;
  let chunk = line(headers);
  for (const row of rows) {
    chunk += line(row);
    if (chunk.length >= CHUNK_CHARS) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out, { readable: false });
}

/**
 * Writes an export as an .xlsx workbook, streaming (exceljs's WorkbookWriter, rows committed as written). Cells are
 * text, as the export holds them, except where a spreadsheet would hold something else and the reader gives back
 * the same text: plain numbers ('7.7', '66', '-1.25') become number cells and YYYY-MM-DD dates become date cells.
 */
export async function writeEppgbmXlsx(
  out: Writable,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow([...headers]).commit();
  for (const [index, row] of rows.entries()) {
    const added = sheet.addRow(row.map(cellValue));
    row.forEach((cell, column) => {
      if (ISO_DATE.test(cell)) added.getCell(column + 1).numFmt = 'yyyy-mm-dd';
    });
    added.commit();
    if ((index + 1) % ROWS_PER_BATCH === 0) await caughtUp(sheet, out);
  }
  sheet.commit();
  await workbook.commit();
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function cellValue(cell: string): string | number | Date | null {
  if (cell === '') return null;
  if (ISO_DATE.test(cell)) return new Date(`${cell}T00:00:00Z`);
  // Up to 15 digits (Excel's precision, so a NIK stays text), and only where the number prints back as written.
  const value = Number(cell);
  return Number.isFinite(value) && cell.replace(/\D/g, '').length <= 15 && String(value) === cell ? value : cell;
}

/**
 * exceljs pushes each row's XML into the worksheet's zip entry without heeding its backpressure, so a writer faster
 * than the compression would pile the sheet up in memory: wait while the entry holds more than MAX_BACKLOG_BYTES,
 * and while `out` is full. (exceljs 4 keeps the entry as the first pipe of the worksheet's stream.)
 */
async function caughtUp(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  type Entry = EventEmitter & { writableLength?: number; _writableState?: { length: number } };
  const entry = (sheet as unknown as { stream?: { pipes?: Entry[] } }).stream?.pipes?.[0];
  const backlog = entry ? (entry.writableLength ?? entry._writableState?.length ?? 0) : 0;
  if (entry && backlog > MAX_BACKLOG_BYTES) await once(entry, 'drain');
  else await new Promise((resolve) => setImmediate(resolve));
  if (out.writableNeedDrain) await once(out, 'drain');
}
