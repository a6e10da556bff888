import {
  type Attributes,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
} from '@opentelemetry/api';
import { traceparentFor } from '@registry/contracts';

const tracer = trace.getTracer('@registry/event-store');

/** What an event span needs of an event: what to call it and the trace it belongs to (its Kafka traceparent). */
export interface TracedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly correlationId: string;
  /** The header the relay wrote; derived again from the ids when a message came without one. */
  readonly traceparent: string | null;
}

/** The spans of one step (a publish, an apply) over a batch of events, ended together. */
export interface EventSpans {
  end(error?: unknown): void;
}

/**
 * One span per event, each in the trace of the request that caused the event (the traceparent the relay writes in
 * the Kafka header), so that a request, its publish and every consumer's apply read as one trace.
 * Without a tracer provider (OTEL_EXPORTER_OTLP_ENDPOINT unset) the spans are the API's no-ops.
 */
export function startEventSpans(
  name: string,
  kind: SpanKind.PRODUCER | SpanKind.CONSUMER,
  events: readonly TracedEvent[],
  attributes: Attributes,
): EventSpans {
  const spans: Span[] = events.map((event) =>
    tracer.startSpan(
      name,
      { kind, attributes: { ...attributes, 'messaging.message.id': event.eventId, 'registry.event.type': event.type } },
      parentOf(event),
    ),
  );
  return {
    end(error?: unknown) {
      for (const span of spans) {
        if (error !== undefined)
          span.setStatus({
            code: SpanStatusCode.ERROR,
            message: error instanceof Error ? error.message : String(error),
          });
        span.end();
      }
    },
  };
}

/** The remote parent of an event's spans: the ids of its Kafka traceparent header. */
function parentOf(event: TracedEvent) {
  const traceparent = event.traceparent ?? traceparentFor(event.correlationId, event.eventId);
  const [, traceId, spanId] = traceparent.split('-');
  return trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true });
}
