import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MeasurementResponse } from '../measurement.response.dto';

/** One item's outcome; which fields it has depends on its status. */
export class RecordMeasurementsBatchItemResult {
  @ApiProperty({ description: 'The item’s position in the request' })
  readonly index!: number;

  @ApiProperty({
    enum: ['created', 'duplicate', 'rejected', 'retry'],
    description:
      'retry: the child is not known here yet (intake is behind on identity’s events, or the registration is on ' +
      'its way): send the item again after retryAfterSeconds, in a new request',
  })
  readonly status!: 'created' | 'duplicate' | 'rejected' | 'retry';

  @ApiPropertyOptional({ type: MeasurementResponse, description: 'created and duplicate' })
  readonly measurement?: MeasurementResponse;

  @ApiPropertyOptional({ format: 'uuid', description: 'duplicate: the measurement recorded first' })
  readonly duplicateOf?: string;

  @ApiPropertyOptional({ type: [String], description: 'rejected and retry: why' })
  readonly reasons?: string[];

  @ApiPropertyOptional({ description: 'retry' })
  readonly retryAfterSeconds?: number;
}

/** One result per item, in input order; a request resent with the same Idempotency-Key gets this same answer. */
export class RecordMeasurementsBatchResponse {
  @ApiProperty({ type: [RecordMeasurementsBatchItemResult] })
  readonly results!: RecordMeasurementsBatchItemResult[];
}
