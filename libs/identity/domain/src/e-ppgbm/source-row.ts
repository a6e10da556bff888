/**
 * An e-PPGBM export as its reader gives it, before any meaning: the header row as written (any order, case,
 * spelling) and each data row's cells in the same positions, as text. Readers of .csv and .xlsx both produce it.
 */
export interface EppgbmSheet {
  readonly headers: readonly string[];
  readonly rows: AsyncIterable<EppgbmSourceRow>;
}

export interface EppgbmSourceRow {
  /** The row's number as a spreadsheet program shows it: the header is row 1, the first data row is row 2. */
  readonly rowNumber: number;
  /**
   * Cells by header position, as text: numbers as written (`7,7` or `7.7`), dates as written (`05-03-2024`,
   * `05/03/2024`, `2024-03-05`); an xlsx date cell becomes `YYYY-MM-DD`, an empty cell ''.
   */
  readonly cells: readonly string[];
}
