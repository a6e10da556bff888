import { ApiProperty } from '@nestjs/swagger';

export class IncidenceRowResponse {
  @ApiProperty() readonly code!: string;
  @ApiProperty({ type: String, nullable: true }) readonly name!: string | null;
  @ApiProperty({ type: Number, nullable: true }) readonly incidencePct!: number | null;
  @ApiProperty({ description: 'Children at risk at the start of the period' }) readonly atRisk!: number;
  @ApiProperty() readonly newCases!: number;
}

export class IncidenceReportResponse {
  @ApiProperty({ enum: ['stunting', 'wasting', 'underweight'] }) readonly indicator!: string;
  @ApiProperty({ example: '2025' }) readonly period!: string;
  @ApiProperty({ enum: ['regency', 'district', 'village', 'puskesmas', 'posyandu'] }) readonly groupBy!: string;
  @ApiProperty({ type: String, nullable: true }) readonly regionCode!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly asOf!: string | null;
  @ApiProperty({ type: [IncidenceRowResponse] }) readonly rows!: IncidenceRowResponse[];
}
