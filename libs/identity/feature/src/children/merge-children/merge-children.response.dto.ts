import { ApiProperty } from '@nestjs/swagger';

export class UnmergeChildResponse {
  @ApiProperty({ format: 'uuid' }) readonly id!: string;
  @ApiProperty() readonly version!: number;
  @ApiProperty({ example: 'active' }) readonly status!: string;
}

export class MergeChildResponse extends UnmergeChildResponse {
  @ApiProperty({ format: 'uuid', description: 'The surviving child' }) readonly mergedInto!: string;
}
