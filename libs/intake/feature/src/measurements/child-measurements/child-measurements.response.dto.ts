import { ApiProperty } from '@nestjs/swagger';
import { MeasurementResponse } from '../measurement.response.dto';

export class ChildMeasurementsResponse {
  @ApiProperty({ format: 'uuid' }) readonly childId!: string;
  @ApiProperty({ type: [MeasurementResponse] }) readonly items!: MeasurementResponse[];
}
