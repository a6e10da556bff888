import { createHash } from 'node:crypto';
import { isUuid } from '@registry/contracts';

/**
 * A W3C traceparent for an event, so Kafka hops join the trace of the request that caused them:
 * the trace id is the correlation id (its 32 hex digits when it is a UUID, else a digest of it) and the span id
 * is derived from the event id.
 */
export function traceparentFor(correlationId: string, eventId: string): string {
  const traceId = isUuid(correlationId)
    ? correlationId.replace(/-/g, '').toLowerCase()
    : digest(correlationId).slice(0, 32);
  const spanId = digest(eventId).slice(0, 16);
  return `00-${nonZero(traceId)}-${nonZero(spanId)}-01`;
}

const digest = (value: string): string => createHash('sha256').update(value).digest('hex');

/** All-zero ids are invalid in the W3C format. */
const nonZero = (hex: string): string => (/^0+$/.test(hex) ? `${hex.slice(0, -1)}1` : hex);
