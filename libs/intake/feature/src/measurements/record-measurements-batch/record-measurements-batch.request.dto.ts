import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { RecordMeasurementRequest } from '../record-measurement/record-measurement.request.dto';

export const MAX_BATCH = 5000;

export class RecordMeasurementsBatchRequest {
  /** Items are validated one by one, so one bad item never rejects the others. */
  @ApiProperty({ type: [RecordMeasurementRequest], maxItems: MAX_BATCH })
  @IsArray({ message: 'items must be an array of measurements' })
  @ArrayMinSize(1, { message: 'items must hold at least one measurement' })
  @ArrayMaxSize(MAX_BATCH, { message: `items may hold at most ${MAX_BATCH} measurements: split the batch` })
  items: unknown[];
}
