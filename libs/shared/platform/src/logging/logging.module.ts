import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { CORRELATION_HEADERS, correlationIdOfTrace, givenCorrelationId } from '@registry/contracts';
import { LoggerModule } from 'nestjs-pino';
import { ServiceConfig } from '../config/service-config';

/**
 * Reuses the caller's correlation id (or request id) so one request can be followed across services. Without one,
 * a traced request's id is its trace id (so the events it causes stay in its trace, see trace-context.ts), else a
 * fresh UUID.
 */
export function correlationIdOf(request: IncomingMessage, response: ServerResponse): string {
  const id = givenCorrelationId((name) => request.headers[name]) || traceCorrelationId() || randomUUID();
  response.setHeader(CORRELATION_HEADERS[0], id);
  return id;
}

/** The correlation id of the trace the request's span began, when it is traced. */
function traceCorrelationId(): string | null {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? correlationIdOfTrace(span.traceId) : null;
}

/**
 * Structured JSON logs (pino) with the correlation id on every line of a request.
 * Bodies are never logged and credentials are redacted: requests carry personal data.
 */
@Module({})
export class LoggingModule {
  static forService(service: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [ServiceConfig],
          useFactory: (config: ServiceConfig) => ({
            pinoHttp: {
              level: config.LOG_LEVEL,
              base: { service },
              genReqId: correlationIdOf,
              customAttributeKeys: { reqId: 'correlationId' },
              redact: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'],
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  method: req.method,
                  url: req.url.split('?')[0],
                }),
                // The status is what an operator reads; the answer's headers say nothing the line does not.
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              autoLogging: {
                ignore: (req: IncomingMessage) => ['/health', '/ready', '/metrics'].includes(req.url ?? ''),
              },
            },
          }),
        }),
      ],
    };
  }
}
