import { ApiProperty } from '@nestjs/swagger';

export class RecordDeathResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty() readonly version!: number;
  @ApiProperty({ example: 'died' }) readonly status!: string;
}
