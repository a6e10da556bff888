/** Hands the browser a CSV to save; a byte-order mark first so spreadsheet programs read it as UTF-8. */
export function downloadCsv(filename: string, csv: string): void {
  const text = csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`;
  const link = Object.assign(document.createElement('a'), {
    href: URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' })),
    download: filename,
  });
  link.click();
  URL.revokeObjectURL(link.href);
}

/** Quoted cells, CRLF lines: what spreadsheets open without asking. */
export function csvText(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map((cell) => `"${String(cell ?? '').replaceAll('"', '""')}"`).join(',')).join('\r\n');
}

/** Hands the browser a file the API answered (a spreadsheet) to save. */
export function downloadBlob(filename: string, blob: Blob): void {
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: filename });
  link.click();
  URL.revokeObjectURL(link.href);
}
