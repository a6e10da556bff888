import type { KafkaMessage } from 'kafkajs';
import { EVENT_HEADERS, isUuid, type EventEnvelope } from '@registry/contracts';
import { transactionIdOf, type Delivered } from './rebuild-watermarks';

/** A message read as an event envelope, with where it came from. */
export interface Arrival extends Delivered {
  readonly event: EventEnvelope;
  /** The trace the relay put the message in (its traceparent header), when it has one. */
  readonly traceparent: string | null;
}

/** The message as an arrival; null when it is not an event envelope (the consumer dead-letters it). */
export function arrivalOf(topic: string, message: KafkaMessage): Arrival | null {
  const event = parseEnvelope(message.value);
  if (!event) return null;
  return {
    event,
    topic,
    transactionId: transactionIdOf(message.headers),
    traceparent: headerText(message.headers?.[EVENT_HEADERS.traceparent]),
    globalPosition: String(event.globalPosition),
  };
}

function parseEnvelope(value: Buffer | null): EventEnvelope | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value.toString('utf8')) as Partial<EventEnvelope> | null;
    const wellFormed =
      isUuid(parsed?.eventId) &&
      typeof parsed.type === 'string' &&
      Number.isInteger(parsed.schemaVersion) &&
      'data' in parsed;
    return wellFormed ? (parsed as EventEnvelope) : null;
  } catch {
    return null;
  }
}

const headerText = (value: unknown): string | null =>
  Buffer.isBuffer(value) ? value.toString('utf8') : typeof value === 'string' ? value : null;
