import { ApiProperty } from '@nestjs/swagger';

export class TargetResponse {
  @ApiProperty() readonly regionCode!: string;
  @ApiProperty() readonly year!: number;
  @ApiProperty({ type: Number, nullable: true }) readonly targetPopulation!: number | null;
  @ApiProperty({ type: Number, nullable: true }) readonly targetPrevalencePct!: number | null;
}
