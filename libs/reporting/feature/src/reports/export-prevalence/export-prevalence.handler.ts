import { Injectable } from '@nestjs/common';
import { RuleViolation } from '@registry/contracts';
import { parsePeriod } from '@registry/reporting-domain';
import { PrevalenceQuery } from '../prevalence.query';
import { minimumCell, publicView } from '../public-rows';
import type { ExportRequestQuery } from './export-prevalence.request.dto';

const COLUMNS = [
  'code',
  'name',
  'measured',
  'severelyStunted',
  'stunted',
  'normal',
  'tall',
  'flaggedExcluded',
  'prevalencePct',
  'targetPopulation',
  'coveragePct',
] as const;

/** The stunting prevalence of every regency for one period as CSV: a few header lines, then a row per regency. */
@Injectable()
export class ExportPrevalenceHandler {
  constructor(private readonly prevalence: PrevalenceQuery) {}

  async csv(query: ExportRequestQuery): Promise<string> {
    const period = parsePeriod(query.period);
    if (!period) throw new RuleViolation('malformed', 'period', 'must be a year (2025) or a month (2025-08)');
    const rows = await this.prevalence.run({
      indicator: 'stunting',
      groupBy: 'regency',
      period,
      ageGroup: query.ageGroup,
      regionCode: null,
      asOf: query.asOf ? new Date(query.asOf) : null,
    });
    const minimum = minimumCell();
    const lines = rows.map((row) => {
      const shown = query.public ? publicView(row, 'stunting', minimum) : row;
      return COLUMNS.map((column) => csvCell(shown[column])).join(',');
    });
    return (
      [
        `period,${period.label}`,
        `ageGroup,${query.ageGroup}`,
        `suppressedBelow,${query.public ? minimum : 0}`,
        ...(query.asOf ? [`asOf,${query.asOf}`] : []),
        COLUMNS.join(','),
        ...lines,
      ].join('\n') + '\n'
    );
  }
}

const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
