import type { KafkaMessage } from 'kafkajs';
import type { EventEnvelope } from '@registry/contracts';
import type { MessagePosition } from './consumer-offsets';
import type { DeadLetters } from './dead-letters';
import { arrivalOf } from './envelope-parsing';
import { describeError, type Logger } from './logger';
import type { ConsumerCounts } from './projection-consumer';
import type { TransactionalApply } from './transactional-apply';
import { delay } from './wait-until';

/** One message of a batch, handled on its own. */
export interface SingleMessage {
  readonly topic: string;
  readonly partition: number;
  readonly message: KafkaMessage;
  heartbeat(): Promise<void>;
}

export interface RetryPolicy {
  /** Attempts before an event is dead-lettered. */
  readonly maxAttempts: number;
  /** Delay after the first failed attempt, doubled after each further one. */
  readonly retryDelayMs: number;
}

/**
 * The slow path, for the messages of a chunk that failed: each in a transaction of its own, retried with a growing
 * delay while the projection fails, and dead-lettered once it failed `maxAttempts` times (at once when it is not an
 * event envelope), so the one event that fails is isolated and the others are applied.
 */
export class MessageRetries {
  constructor(
    private readonly apply: TransactionalApply,
    private readonly deadLetters: DeadLetters,
    private readonly policy: RetryPolicy,
    private readonly counters: ConsumerCounts,
    private readonly logger: Logger,
    private readonly consumerName: string,
  ) {}

  async handle({ topic, partition, message, heartbeat }: SingleMessage): Promise<void> {
    const position = { topic, partition, offset: message.offset };
    const arrival = arrivalOf(topic, message);
    if (!arrival) {
      await this.deadLetter(position, message, null, new TypeError('the message is not an event envelope'), 1);
      return;
    }
    const { event } = arrival;
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.apply.applyOne(arrival, position);
      if (outcome.kind === 'applied') {
        this.counters.applied += 1;
        return;
      }
      if (outcome.kind === 'duplicate') {
        this.counters.duplicatesSkipped += 1;
        return;
      }
      this.counters.failedAttempts += 1;
      this.logger.warn('projection failed to apply an event', {
        consumer: this.consumerName,
        eventId: event.eventId,
        eventType: event.type,
        attempt,
        ...describeError(outcome.error),
      });
      if (attempt >= this.policy.maxAttempts) {
        await this.deadLetter(position, message, event, outcome.error, attempt);
        return;
      }
      await delay(this.policy.retryDelayMs * 2 ** (attempt - 1));
      await heartbeat();
    }
  }

  private async deadLetter(
    position: MessagePosition,
    message: KafkaMessage,
    event: EventEnvelope | null,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    await this.deadLetters.add(position, message, event, error, attempts);
    this.counters.deadLettered += 1;
    this.logger.error('event dead-lettered', {
      consumer: this.consumerName,
      eventId: event?.eventId ?? null,
      eventType: event?.type ?? null,
      ...position,
      attempts,
      ...describeError(error),
    });
  }
}
