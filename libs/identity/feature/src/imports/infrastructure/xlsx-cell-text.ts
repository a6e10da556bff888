import type { CellValue } from 'exceljs';

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system is 1899-12-30 (Excel counts a 29 February 1900 that never was). */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);

/**
 * A cell as the text the import reads: strings as written, numbers as JavaScript prints them (7.7 → '7.7'), dates
 * as YYYY-MM-DD (their UTC date part), rich text joined, a formula as its last computed result, errors as Excel
 * shows them (#N/A), TRUE/FALSE, and '' for an empty cell.
 */
export function xlsxCellText(value: CellValue, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value || 'result' in value) {
    const result: unknown = (value as { result?: unknown }).result;
    // A formula's result comes as a serial number even in a date-formatted cell.
    if (typeof result === 'number' && isDateFormat(numFmt)) return serialDateText(result, date1904);
    if (result !== null && typeof result === 'object' && 'error' in result) return String(result.error);
    return xlsxCellText(result as CellValue, numFmt, date1904);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : xlsxCellText(value.text, numFmt, date1904);
  return '';
}

function dateText(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

function serialDateText(serial: number, date1904: boolean): string {
  return dateText(new Date((date1904 ? EPOCH_1904_MS : EPOCH_1900_MS) + Math.round(serial * DAY_MS)));
}

/** As Excel decides: a number format with day, month or year letters outside quotes and brackets. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymd]/i.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
