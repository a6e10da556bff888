import { ApiProperty } from '@nestjs/swagger';

const GROUP_BY = ['regency', 'district', 'village', 'puskesmas', 'posyandu'];

/** SKDN of one place: S (children), K (with a KMS), D (weighed), N (gained), and the ratios of the posyandu book. */
export class SkdnRowResponse {
  @ApiProperty() readonly code!: string;
  @ApiProperty({ type: String, nullable: true }) readonly name!: string | null;
  @ApiProperty({ type: Number, nullable: true }) readonly s!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly k!: number | null;
  @ApiProperty() readonly weighed!: number;
  @ApiProperty() readonly n!: number;
  @ApiProperty() readonly t!: number;
  @ApiProperty() readonly twoT!: number;
  @ApiProperty() readonly o!: number;
  @ApiProperty() readonly b!: number;
  @ApiProperty() readonly bgm!: number;
  @ApiProperty({ type: Number, nullable: true }) readonly ks!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly ds!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly nd!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly nnt!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly bgmD!: number | null;
}

export class SkdnReportResponse {
  @ApiProperty({ example: '2025-08' }) readonly period!: string;
  @ApiProperty({ enum: GROUP_BY }) readonly groupBy!: string;
  @ApiProperty({ type: String, nullable: true }) readonly regionCode!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readonly asOf!: string | null;
  @ApiProperty({ type: [SkdnRowResponse] }) readonly rows!: SkdnRowResponse[];
}
