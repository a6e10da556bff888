export { CORRELATION_HEADERS, CorrelationPropagator } from './correlation-propagator';
export { startTracing } from './tracing';
