import { ApiProperty } from '@nestjs/swagger';
import { InterventionResponse } from '../intervention.response.dto';

export class ChildInterventionsResponse {
  @ApiProperty({ format: 'uuid' }) readonly childId!: string;
  @ApiProperty({ type: [InterventionResponse] }) readonly items!: InterventionResponse[];
}
