import { Partitioners, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import type { Pool } from 'pg';
import { deadLetterTopic, type EventEnvelope } from '@registry/contracts';
import { storeOffset, type MessagePosition, type OffsetsCluster } from './consumer-offsets';
import { inTransaction } from './in-transaction';

export interface DeadLetter {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** Null when the message was not a readable event envelope. */
  readonly eventId: string | null;
  readonly eventType: string | null;
  readonly attempts: number;
  readonly errorType: string;
  readonly errorMessage: string;
  readonly deadLetteredAt: Date;
}

const MAX_ERROR_MESSAGE_LENGTH = 2_000;

/**
 * The messages a consumer gave up on: published to `<topic>.dlq` with why, and kept in es_dead_letters (across
 * restarts) with the offset moved past them, so the consumer goes on.
 */
export class DeadLetters {
  private producer?: Producer;

  constructor(
    private readonly kafka: Kafka,
    private readonly pool: Pool,
    private readonly consumerName: string,
    private readonly cluster: OffsetsCluster,
  ) {}

  /** Publishes the message to the dead-letter topic first, then records it and moves the offset past it. */
  async add(
    position: MessagePosition,
    message: KafkaMessage,
    event: EventEnvelope | null,
    error: unknown,
    attempts: number,
  ): Promise<void> {
    const errorType = error instanceof Error ? error.name : typeof error;
    const errorMessage = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_MESSAGE_LENGTH);
    const producer = await this.connectedProducer();
    await producer.send({
      topic: deadLetterTopic(position.topic),
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            'dlq-consumer': this.consumerName,
            'dlq-source-topic': position.topic,
            'dlq-source-partition': String(position.partition),
            'dlq-source-offset': position.offset,
            'dlq-attempts': String(attempts),
            'dlq-error-type': errorType,
            'dlq-error-message': errorMessage,
          },
        },
      ],
    });
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO es_dead_letters (consumer_name, topic, partition, "offset", event_id, event_type, attempts, error_type, error_message)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (consumer_name, topic, partition, "offset") DO UPDATE
            SET attempts = EXCLUDED.attempts, error_type = EXCLUDED.error_type, error_message = EXCLUDED.error_message,
                dead_lettered_at = now()`,
        [
          this.consumerName,
          position.topic,
          position.partition,
          position.offset,
          event?.eventId ?? null,
          event?.type ?? null,
          attempts,
          errorType,
          errorMessage,
        ],
      );
      await storeOffset(client, this.consumerName, position, this.cluster.id);
    });
  }

  async count(): Promise<number> {
    const { rows } = await this.pool.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM es_dead_letters WHERE consumer_name = $1',
      [this.consumerName],
    );
    return rows[0].count;
  }

  async list(): Promise<DeadLetter[]> {
    const { rows } = await this.pool.query<DeadLetter>(
      `SELECT topic, partition, "offset"::text AS "offset", event_id AS "eventId", event_type AS "eventType", attempts,
              error_type AS "errorType", error_message AS "errorMessage", dead_lettered_at AS "deadLetteredAt"
         FROM es_dead_letters WHERE consumer_name = $1 ORDER BY id`,
      [this.consumerName],
    );
    return rows;
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }
}
