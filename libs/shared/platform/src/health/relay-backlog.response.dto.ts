import { ApiProperty } from '@nestjs/swagger';

export class RelayBacklogResponse {
  @ApiProperty({ description: 'Events stored and not yet published to Kafka; 0 without a relay' })
  readonly backlog!: number;
}
