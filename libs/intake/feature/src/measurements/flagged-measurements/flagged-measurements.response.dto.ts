import { ApiProperty } from '@nestjs/swagger';
import { MeasurementResponse } from '../measurement.response.dto';

export class FlaggedMeasurementsResponse {
  @ApiProperty({ type: [MeasurementResponse], description: 'Newest first' }) readonly items!: MeasurementResponse[];
}
