import { INDICATORS, publicRow, type IndicatorName } from '@registry/reporting-domain';
import type { PrevalenceRow } from './prevalence.query';

/** The smallest count a public figure shows (REPORT_MIN_CELL, default 10). */
export const minimumCell = (): number => Number(process.env['REPORT_MIN_CELL'] ?? 10);

/** The class counts of an indicator's row, flagged measurements included: what publicRow checks for small cells. */
export const classColumns = (indicator: IndicatorName): string[] => [
  ...Object.keys(INDICATORS[indicator].classes),
  'flaggedExcluded',
];

/**
 * A row as a public figure shows it (publicRow): a small number measured blanks it and the coverage measured over
 * it; a small class blanks every class count, the cases and the percentage. Blank is null.
 */
export function publicView(row: PrevalenceRow, indicator: IndicatorName, minimum: number): PrevalenceRow {
  const classes = classColumns(indicator);
  const shown = publicRow(
    row.measured,
    classes.map((column) => Number(row[column])),
    minimum,
  );
  const blanked: Record<string, number | string | null> = { ...row };
  if (!shown.measured) Object.assign(blanked, { measured: null, coveragePct: null });
  if (!shown.breakdown) for (const column of [...classes, 'cases', 'prevalencePct']) blanked[column] = null;
  return blanked as PrevalenceRow;
}
