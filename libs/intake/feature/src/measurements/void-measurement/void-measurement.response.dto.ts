import { ApiProperty } from '@nestjs/swagger';

export class VoidMeasurementResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ example: 'voided' }) readonly status!: string;
  @ApiProperty() readonly version!: number;
}
