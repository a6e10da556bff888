import {
  type Context,
  type TextMapGetter,
  type TextMapPropagator,
  type TextMapSetter,
  trace,
  TraceFlags,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { CORRELATION_HEADERS, givenCorrelationId, traceparentFor } from '@registry/contracts';

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
    const correlationId = givenCorrelationId((name) => getter.get(carrier, name));
    if (!correlationId) return context;
    const [, traceId, spanId] = traceparentFor(correlationId, correlationId).split('-');
    return trace.setSpanContext(context, { traceId, spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true });
  }

  fields(): string[] {
    return [...this.w3c.fields(), ...CORRELATION_HEADERS];
  }
}
