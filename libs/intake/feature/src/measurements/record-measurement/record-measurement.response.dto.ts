import { ApiProperty } from '@nestjs/swagger';
import { MeasurementResponse } from '../measurement.response.dto';

/** The first result of a measurement sent again with the same sourceRecordId. */
export class DuplicateMeasurementResponse extends MeasurementResponse {
  @ApiProperty({ enum: [true] })
  readonly duplicate!: true;
}
