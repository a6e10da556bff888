import { defaultTextMapGetter, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { traceIdFor } from '@registry/contracts';
import { CorrelationPropagator } from './correlation-propagator';

const propagator = new CorrelationPropagator();
const traceOf = (headers: Record<string, string>) =>
  trace.getSpanContext(propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter));

describe('the trace a request belongs to', () => {
  it("is the caller's W3C traceparent when it sends one", () => {
    const context = traceOf({
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      'x-correlation-id': 'import-batch-42',
    });
    expect(context).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7' });
  });

  it('is derived from its correlation id otherwise, as the events it causes derive theirs', () => {
    expect(traceOf({ 'x-correlation-id': 'import-batch-42' })?.traceId).toBe(traceIdFor('import-batch-42'));
    expect(traceOf({ 'x-request-id': '0190f0a0-1b2c-7d3e-8f40-123456789abc' })?.traceId).toBe(
      '0190f0a01b2c7d3e8f40123456789abc',
    );
  });

  it('is none, for the SDK to begin, when the request names neither', () => {
    expect(traceOf({})).toBeUndefined();
  });
});
