import { BadRequestException, Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Access } from '@registry/access';
import { parsePeriod, type AgeGroup } from '@registry/reporting-domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { PrevalenceQuery } from './prevalence.query';
import { minimumCell, publicView } from './public-rows';

/** Cells with fewer children than this are blanked in public exports (REPORT_MIN_CELL). */
export class ExportRequestQuery {
  @ApiProperty({ example: '2025' })
  @Matches(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'period must be a year (2025) or a month (2025-08)' })
  period: string;

  @ApiPropertyOptional({ enum: ['baduta', 'balita'], default: 'balita' })
  @IsOptional()
  @IsIn(['baduta', 'balita'], { message: 'ageGroup must be baduta or balita' })
  ageGroup: AgeGroup = 'balita';

  @ApiPropertyOptional({
    default: true,
    description:
      'Public exports blank a small number measured, and the classes and percentages of a row where any class is small; internal ones (false) are complete',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'public must be true or false' })
  public = true;

  @ApiPropertyOptional({
    example: '2025-12-31T23:59:59+07:00',
    description: 'The figures as the registry knew them at this instant (a published figure reproduced)',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'asOf must be an ISO 8601 instant, e.g. 2025-12-31T23:59:59+07:00' })
  asOf?: string;
}

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

@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/exports')
export class ExportHttpController {
  constructor(private readonly prevalence: PrevalenceQuery) {}

  @Get('stunting-prevalence.csv')
  @Access('statistician', 'admin')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Stunting prevalence of every regency for one period, as CSV for central statistics' })
  async export(
    @Query() query: ExportRequestQuery,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ): Promise<string> {
    const period = parsePeriod(query.period);
    if (!period) throw new BadRequestException('period must be a year (2025) or a month (2025-08)');
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
    // Set here, not by @Header: a refused request is then answered as JSON, not as JSON labelled CSV.
    response.setHeader('content-type', 'text/csv; charset=utf-8');
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
