// The first module main.ts loads: tracing must start before the HTTP and PostgreSQL modules it instruments.
import { startTracing } from '@registry/tracing';

startTracing('reporting');
