import { ApiProperty } from '@nestjs/swagger';
import { ChildResponse } from '../child.response.dto';

export class FindChildrenResponse {
  @ApiProperty({ type: [ChildResponse] })
  readonly items!: ChildResponse[];
}
