import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { RegisterChildRequest } from '../register-child/register-child.request.dto';

export const MAX_BATCH = 5000;

export class RegisterChildrenBatchRequest {
  /** Items are validated one by one, so one bad item never rejects the others. */
  @ApiProperty({ type: [RegisterChildRequest], maxItems: MAX_BATCH })
  @IsArray({ message: 'items must be an array of registrations' })
  @ArrayMinSize(1, { message: 'items must hold at least one registration' })
  @ArrayMaxSize(MAX_BATCH, { message: `items may hold at most ${MAX_BATCH} registrations: split the batch` })
  items: unknown[];
}
