import { correlationIdOfTrace, traceIdFor, traceparentFor } from './trace-context';

const W3C = /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/;

describe('traceparentFor', () => {
  it('uses a UUID correlation id as the trace id, so all events of one request share a trace', () => {
    const correlationId = '0190f0a0-1b2c-7d3e-8f40-123456789abc';
    const first = traceparentFor(correlationId, '0190f0a0-1b2c-7d3e-8f40-000000000001');
    const second = traceparentFor(correlationId, '0190f0a0-1b2c-7d3e-8f40-000000000002');

    expect(first).toMatch(W3C);
    expect(first.split('-')[1]).toBe('0190f0a01b2c7d3e8f40123456789abc');
    expect(second.split('-')[1]).toBe(first.split('-')[1]);
    expect(second.split('-')[2]).not.toBe(first.split('-')[2]);
  });

  it('digests a correlation id that is not a UUID into a valid trace id', () => {
    expect(traceparentFor('import-batch-42', '0190f0a0-1b2c-7d3e-8f40-000000000001')).toMatch(W3C);
  });

  it('gives a request without a correlation id its trace id back as one, so its events stay in its trace', () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const correlationId = correlationIdOfTrace(traceId);

    expect(correlationId).toBe('4bf92f35-77b3-4da6-a3ce-929d0e0e4736');
    expect(traceIdFor(correlationId)).toBe(traceId);
    expect(traceparentFor(correlationId, 'any event').split('-')[1]).toBe(traceId);
  });
});
