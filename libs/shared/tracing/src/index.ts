export { CorrelationPropagator } from './correlation-propagator';
export { startTracing } from './tracing';
