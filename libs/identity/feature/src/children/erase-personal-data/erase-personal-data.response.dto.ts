import { ApiProperty } from '@nestjs/swagger';

export class ErasePersonalDataResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ example: 'erased' }) readonly personalData!: string;
}
