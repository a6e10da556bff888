import { ApiProperty } from '@nestjs/swagger';

export class SweepCasesResponse {
  @ApiProperty({ format: 'date' }) readonly asOf!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The cases closed by the sweep' })
  readonly closed!: string[];
}
