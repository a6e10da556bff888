import { ApiProperty } from '@nestjs/swagger';

/** The outbox relay of this service: what it published, and how much is waiting. */
export class RelayStatusResponse {
  @ApiProperty() readonly published!: number;
  @ApiProperty() readonly batches!: number;
  @ApiProperty() readonly failedAttempts!: number;
  @ApiProperty() readonly clusterChanges!: number;
  @ApiProperty({ description: 'Events stored and not yet published' }) readonly lag!: number;
}

export class ConsumerStatusResponse {
  @ApiProperty({ example: 'known-children' }) readonly projection!: string;
  @ApiProperty() readonly applied!: number;
  @ApiProperty() readonly duplicatesSkipped!: number;
  @ApiProperty() readonly failedAttempts!: number;
  @ApiProperty() readonly deadLettered!: number;
}

export class EventBackboneResponse {
  @ApiProperty({ type: RelayStatusResponse, nullable: true, description: 'null for a service without a relay' })
  readonly relay!: RelayStatusResponse | null;
  @ApiProperty({ type: [ConsumerStatusResponse] }) readonly consumers!: ConsumerStatusResponse[];
}

/** A message a consumer gave up on, and why. */
export class DeadLetterResponse {
  @ApiProperty() readonly topic!: string;
  @ApiProperty() readonly partition!: number;
  @ApiProperty() readonly offset!: string;
  @ApiProperty({ type: String, nullable: true, description: 'null when the message was not a readable event' })
  readonly eventId!: string | null;
  @ApiProperty({ type: String, nullable: true }) readonly eventType!: string | null;
  @ApiProperty() readonly attempts!: number;
  @ApiProperty() readonly errorType!: string;
  @ApiProperty() readonly errorMessage!: string;
  @ApiProperty({ format: 'date-time' }) readonly deadLetteredAt!: string;
}

export class ConsumerDeadLettersResponse {
  @ApiProperty() readonly projection!: string;
  @ApiProperty({ type: [DeadLetterResponse] }) readonly items!: DeadLetterResponse[];
}

export class DeadLettersResponse {
  @ApiProperty({ type: [ConsumerDeadLettersResponse] }) readonly consumers!: ConsumerDeadLettersResponse[];
}
