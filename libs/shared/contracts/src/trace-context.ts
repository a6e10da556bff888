import { createHash } from 'node:crypto';

// One request, one trace: a request's trace id is derived from its correlation id, and every event it causes
// carries that correlation id, so the relay's publish and every consumer's apply join the request's trace however
// late they run. A request that comes without one gets its trace id as its correlation id (correlationIdOfTrace).

/** The headers a caller names its request by, the registry's own first: logs and traces read the same ones. */
export const CORRELATION_HEADERS = ['x-correlation-id', 'x-request-id'] as const;

/** The correlation id a request names itself by, if any: the first of CORRELATION_HEADERS, at most 100 characters. */
export function givenCorrelationId(header: (name: string) => string | string[] | undefined): string | undefined {
  for (const name of CORRELATION_HEADERS) {
    const value = header(name);
    const given = (Array.isArray(value) ? value[0] : value)?.slice(0, 100);
    if (given) return given;
  }
  return undefined;
}

/** 32 hex digits in a UUID's layout, of any version: a correlation id minted from a trace id is one. */
const UUID_LAYOUT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The W3C trace id of a correlation id: its 32 hex digits when it has a UUID's layout, else a digest of it. */
export function traceIdFor(correlationId: string): string {
  return nonZero(
    UUID_LAYOUT.test(correlationId)
      ? correlationId.replace(/-/g, '').toLowerCase()
      : digest(correlationId).slice(0, 32),
  );
}

/** The correlation id of a request whose trace began here: its trace id in a UUID's layout. */
export const correlationIdOfTrace = (traceId: string): string =>
  `${traceId.slice(0, 8)}-${traceId.slice(8, 12)}-${traceId.slice(12, 16)}-${traceId.slice(16, 20)}-${traceId.slice(20, 32)}`;

/**
 * A W3C traceparent for an event or a request, so Kafka hops join the trace of the request that caused them: the
 * trace id is the correlation id's (traceIdFor), the parent span id derived from `spanSeed` (an event id).
 */
export function traceparentFor(correlationId: string, spanSeed: string): string {
  return `00-${traceIdFor(correlationId)}-${nonZero(digest(spanSeed).slice(0, 16))}-01`;
}

const digest = (value: string): string => createHash('sha256').update(value).digest('hex');

/** All-zero ids are invalid in the W3C format. */
const nonZero = (hex: string): string => (/^0+$/.test(hex) ? `${hex.slice(0, -1)}1` : hex);
