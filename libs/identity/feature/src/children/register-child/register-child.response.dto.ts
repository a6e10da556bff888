import { ApiProperty } from '@nestjs/swagger';

/** The answer to a registration: the child's id and stream version, and where the registry placed it. */
export class RegisterChildResponse {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;

  @ApiProperty({ description: 'The version of the child’s stream; a correction sends it back as expectedVersion' })
  readonly version!: number;

  @ApiProperty({ description: 'Derived from the desa', example: '3201' })
  readonly regencyCode!: string;

  @ApiProperty({ example: '3201010001' })
  readonly villageCode!: string;
}
