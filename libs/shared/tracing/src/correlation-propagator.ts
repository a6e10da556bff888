import {
  type Context,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
  trace,
  TraceFlags,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { traceparentFor } from '@registry/contracts';

/** The headers a caller names its request by, as the services' logs read them (platform's correlationIdOf). */
export const CORRELATION_HEADERS = ['x-correlation-id', 'x-request-id'] as const;

/**
 * W3C trace context, and for a request that brings none, a trace derived from its correlation id (traceparentFor):
 * the request then shares its trace with every event it causes, whose Kafka hops derive theirs the same way.
 */
export class CorrelationPropagator implements TextMapPropagator {
  private readonly w3c = new W3CTraceContextPropagator();

  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    this.w3c.inject(context, carrier, setter);
  }

  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    const extracted = this.w3c.extract(context, carrier, getter);
    if (trace.getSpanContext(extracted)) return extracted;
    const correlationId = CORRELATION_HEADERS.map((name) => first(getter.get(carrier, name))).find(Boolean);
    if (!correlationId) return context;
    const [, traceId, spanId] = traceparentFor(correlationId.slice(0, 100), correlationId).split('-');
    return trace.setSpanContext(context, { traceId, spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true });
  }

  fields(): string[] {
    return [...this.w3c.fields(), ...CORRELATION_HEADERS];
  }
}

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
