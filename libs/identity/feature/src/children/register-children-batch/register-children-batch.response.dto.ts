import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One item's outcome; which fields it has depends on its status. */
export class RegisterChildrenBatchItemResult {
  @ApiProperty({ description: 'The item’s position in the request' })
  readonly index!: number;

  @ApiProperty({ enum: ['created', 'already_registered', 'rejected'] })
  readonly status!: 'created' | 'already_registered' | 'rejected';

  @ApiPropertyOptional({ format: 'uuid', description: 'created: the new child' })
  readonly id?: string;

  @ApiPropertyOptional({ description: 'created: the version of the child’s stream' })
  readonly version?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'already_registered: the child holding the NIK, when the caller may see it',
  })
  readonly existingChildId?: string;

  @ApiPropertyOptional({ type: [String], description: 'already_registered and rejected: why' })
  readonly reasons?: string[];
}

/** One result per item, in input order. */
export class RegisterChildrenBatchResponse {
  @ApiProperty({ type: [RegisterChildrenBatchItemResult] })
  readonly results!: RegisterChildrenBatchItemResult[];
}
