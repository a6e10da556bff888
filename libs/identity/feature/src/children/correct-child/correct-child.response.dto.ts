import { ApiProperty } from '@nestjs/swagger';

export class CorrectChildResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty({ description: 'The version after the correction' }) readonly version!: number;
  @ApiProperty({ type: [String], description: 'The fields the correction changed' }) readonly changedFields!: string[];
}
