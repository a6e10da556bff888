import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace';
import { CorrelationPropagator } from './correlation-propagator';

/** Probes and scrapes: every few seconds from supervisors and Prometheus, never part of a user's trace. */
const UNTRACED_PATHS = /^\/(health|ready|relay|metrics)(\?|$)/;

/**
 * Starts OpenTelemetry in a service when OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard OTLP variables apply:
 * OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_SCHEDULE_DELAY, …), and nothing otherwise. Call it before anything else is
 * loaded (each app's tracing.ts, its main.ts's first import): the HTTP and PostgreSQL instrumentations patch those
 * modules as they are required. Spans of incoming HTTP requests, of every PostgreSQL query, and of the relay's
 * publish and the consumers' apply (event-store), joined into one trace per request through its correlation id.
 *
 * OTEL_TRACES_SAMPLER_ARG is the share of traces kept, decided by the trace id alone, so that every service keeps
 * or drops the same traces without telling each other (default 1: all).
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): NodeSDK | null {
  if (!env['OTEL_EXPORTER_OTLP_ENDPOINT']) return null;
  const ratio = Number(env['OTEL_TRACES_SAMPLER_ARG'] ?? 1);
  const sdk = new NodeSDK({
    serviceName: env['OTEL_SERVICE_NAME'] ?? serviceName,
    traceExporter: new OTLPTraceExporter(),
    sampler: new TraceIdRatioBasedSampler(Number.isFinite(ratio) ? ratio : 1),
    textMapPropagator: new CorrelationPropagator(),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? '') }),
      new PgInstrumentation(),
    ],
  });
  sdk.start();
  // Spans still in the batch when the service stops are sent first.
  process.once('beforeExit', () => void sdk.shutdown());
  return sdk;
}
