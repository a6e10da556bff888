import { ApiProperty } from '@nestjs/swagger';

export class TrendMonthResponse {
  @ApiProperty({ example: '2025-08' }) readonly month!: string;
  @ApiProperty() readonly measured!: number;
  @ApiProperty() readonly stunted!: number;
  @ApiProperty({ type: Number, nullable: true }) readonly prevalencePct!: number | null;
  @ApiProperty() readonly atRisk!: number;
  @ApiProperty({ description: 'Children who became stunted that month' }) readonly newlyStunted!: number;
  @ApiProperty({ type: Number, nullable: true }) readonly targetPrevalencePct!: number | null;
}

export class TrendResponse {
  @ApiProperty() readonly regionCode!: string;
  @ApiProperty({ enum: ['baduta', 'balita'] }) readonly ageGroup!: 'baduta' | 'balita';
  @ApiProperty({ type: [TrendMonthResponse] }) readonly series!: TrendMonthResponse[];
}
