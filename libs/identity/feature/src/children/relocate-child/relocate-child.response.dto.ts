import { ApiProperty } from '@nestjs/swagger';

export class RelocateChildResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty() readonly version!: number;
  @ApiProperty() readonly villageCode!: string;
  @ApiProperty() readonly regencyCode!: string;
}
