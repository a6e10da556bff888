import { randomBytes } from 'node:crypto';
import { correlationIdOfTrace } from '@registry/contracts';
import { clientOf, places, registration, tokenFor } from '../support/registry';

/** A span as the development trace receiver (scripts/otlp-collector.mjs) answers it. */
interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly name: string;
  readonly kind: number;
  readonly service: string;
}

// OTLP's span kinds, as its JSON encoding numbers them.
const SERVER = 2;
const CLIENT = 3;
const PRODUCER = 4;
const CONSUMER = 5;

/**
 * A trace id the e2e services keep: they sample by trace id alone (OTEL_TRACES_SAMPLER_ARG of scripts/otlp.sh keeps
 * 1 in 10^9 random ids), and the sampler keeps the ids whose four 32-bit words XOR to less than 4. Two equal random
 * words, then 0 and 1, XOR to 1: kept, and new in every run.
 */
function keptTraceId(): string {
  const word = randomBytes(4).toString('hex');
  return `${word}${word}0000000000000001`;
}

async function spansOf(traceId: string): Promise<ReceivedSpan[]> {
  const response = await fetch(`http://127.0.0.1:${process.env['OTLP_PORT']}/spans?traceId=${traceId}`);
  return (await response.json()) as ReceivedSpan[];
}

/** Asks the receiver until the trace holds a span `wanted` finds, as the services' batches arrive. */
async function waitForSpans(traceId: string, wanted: (spans: ReceivedSpan[]) => boolean): Promise<ReceivedSpan[]> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const spans = await spansOf(traceId);
    if (wanted(spans)) return spans;
    if (Date.now() > deadline) return spans;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('one trace from a request to every service that applies its events (OpenTelemetry)', () => {
  it("joins intake's request, its PostgreSQL queries, the relay's publish and reporting's apply in one trace", async () => {
    const token = await tokenFor('tpps', places.tangerang.regencyCode);
    const registered = await clientOf('identity', { token }).post(
      '/v1/children',
      registration({ sex: 'female', birthDate: '2024-02-10' }),
    );
    expect(registered.status).toBe(201);

    const traceId = keptTraceId();
    const recorded = await clientOf('intake', { token }).post(
      '/v1/measurements',
      {
        childId: registered.body.id,
        measuredOn: '2025-08-10',
        weightKg: 8.4,
        heightCm: 74.5,
        position: 'lying',
        puskesmasCode: 'P3603200101',
      },
      { 'x-correlation-id': correlationIdOfTrace(traceId) },
    );
    expect(recorded.status).toBe(201);

    const has = (spans: ReceivedSpan[], service: string, kind: number, name: RegExp) =>
      spans.some((span) => span.service === service && span.kind === kind && name.test(span.name));
    const spans = await waitForSpans(
      traceId,
      (received) =>
        has(received, 'intake', SERVER, /POST/) &&
        has(received, 'intake', PRODUCER, /^publish .*measurement/) &&
        has(received, 'reporting', CONSUMER, /^apply /),
    );

    expect(spans.every((span) => span.traceId === traceId)).toBe(true);
    expect(has(spans, 'intake', SERVER, /POST/)).toBe(true);
    // The PostgreSQL instrumentation's client spans: the request's queries.
    expect(spans.some((span) => span.service === 'intake' && span.kind === CLIENT)).toBe(true);
    expect(has(spans, 'intake', PRODUCER, /^publish .*measurement/)).toBe(true);
    expect(has(spans, 'reporting', CONSUMER, /^apply /)).toBe(true);
    // Only this request's trace: the probes and the other tests' requests are not in it.
    expect(spans.filter((span) => span.kind === SERVER).map((span) => span.service)).toEqual(['intake']);
  });
});
