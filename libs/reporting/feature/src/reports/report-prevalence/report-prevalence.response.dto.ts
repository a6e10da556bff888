import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const count = (description: string) => ({ type: 'integer', nullable: true, description }) as const;

/**
 * Prevalence of one place. A public report (public=true) blanks small cells: the counts, the cases and the
 * percentages it hides are null. The class counts present are those of the report's indicator.
 */
export class PrevalenceRowResponse {
  @ApiProperty() readonly code!: string;
  @ApiProperty({ type: String, nullable: true }) readonly name!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'null when blanked (public)' })
  readonly measured!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly flaggedExcluded!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The indicator’s moderate and severe classes' })
  readonly cases!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly prevalencePct!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly targetPopulation!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly coveragePct!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly targetPrevalencePct!: number | null;
  @ApiPropertyOptional(count('stunting')) readonly severelyStunted?: number | null;
  @ApiPropertyOptional(count('stunting')) readonly stunted?: number | null;
  @ApiPropertyOptional(count('stunting')) readonly tall?: number | null;
  @ApiPropertyOptional(count('wasting')) readonly severelyWasted?: number | null;
  @ApiPropertyOptional(count('wasting')) readonly wasted?: number | null;
  @ApiPropertyOptional(count('wasting')) readonly possibleRiskOfOverweight?: number | null;
  @ApiPropertyOptional(count('wasting')) readonly overweight?: number | null;
  @ApiPropertyOptional(count('wasting')) readonly obese?: number | null;
  @ApiPropertyOptional(count('underweight')) readonly severelyUnderweight?: number | null;
  @ApiPropertyOptional(count('underweight')) readonly underweight?: number | null;
  @ApiPropertyOptional(count('underweight')) readonly riskOfOverweight?: number | null;
  @ApiPropertyOptional(count('every indicator')) readonly normal?: number | null;
}

export class PrevalenceReportResponse {
  @ApiProperty({ enum: ['stunting', 'wasting', 'underweight'] }) readonly indicator!: string;
  @ApiProperty({ example: '2025-08' }) readonly period!: string;
  @ApiProperty({ enum: ['baduta', 'balita'] }) readonly ageGroup!: 'baduta' | 'balita';
  @ApiProperty({ enum: ['province', 'regency', 'district', 'village', 'puskesmas', 'posyandu'] })
  readonly groupBy!: string;
  @ApiProperty({ type: String, nullable: true }) readonly regionCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly asOf!: string | null;
  @ApiProperty({ description: 'Smallest count shown (public); 0 when nothing is blanked' })
  readonly suppressedBelow!: number;
  @ApiProperty({ type: [PrevalenceRowResponse] }) readonly rows!: PrevalenceRowResponse[];
}
