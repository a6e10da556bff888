import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TimelineActorResponse {
  @ApiProperty() readonly subject!: string;
  @ApiProperty() readonly role!: string;
  @ApiPropertyOptional() readonly apiKeyId?: string;
}

export class TimelineEventResponse {
  @ApiProperty({ format: 'uuid' }) readonly eventId!: string;
  @ApiProperty({ example: 'child.registered' }) readonly type!: string;
  @ApiProperty({ description: 'The service that recorded it' }) readonly source!: string;
  @ApiProperty() readonly streamId!: string;
  @ApiProperty() readonly streamVersion!: number;
  @ApiProperty({ format: 'date-time' }) readonly occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) readonly recordedAt!: string;
  @ApiProperty({ type: TimelineActorResponse }) readonly actor!: TimelineActorResponse;
  @ApiProperty({ type: String, nullable: true }) readonly regencyCode!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event’s data, as its type defines it' })
  readonly data!: Record<string, unknown>;
}

/** Where a stream's hash chain breaks. */
export class ChainBreakResponse {
  @ApiProperty({ enum: ['hash-mismatch', 'previous-hash-mismatch', 'missing-event'] }) readonly reason!: string;
  @ApiProperty({ type: String, nullable: true }) readonly eventId!: string | null;
  @ApiProperty() readonly streamVersion!: number;
}

/** Whether one stream's hash chain holds. */
export class ChainVerificationResponse {
  @ApiProperty() readonly ok!: boolean;
  @ApiProperty() readonly streamId!: string;
  @ApiProperty() readonly events!: number;
  @ApiPropertyOptional({ description: 'ok' }) readonly streamVersion?: number;
  @ApiPropertyOptional({ type: ChainBreakResponse, description: 'not ok' }) readonly brokenAt?: ChainBreakResponse;
}

export class TimelineResponse {
  @ApiProperty({ format: 'uuid' }) readonly childId!: string;
  @ApiProperty({ type: [TimelineEventResponse] }) readonly events!: TimelineEventResponse[];
  @ApiProperty({ type: [ChainVerificationResponse] }) readonly verification!: ChainVerificationResponse[];
}
