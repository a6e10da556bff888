import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import { correlationIdOfTrace } from '@registry/contracts';
import { LoggerModule } from 'nestjs-pino';
import { ServiceConfig } from '../config/service-config';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Reuses the caller's correlation id (or request id) so one request can be followed across services. Without one,
 * a traced request's id is its trace id (so the events it causes stay in its trace, see trace-context.ts), else a
 * fresh UUID.
 */
export function correlationIdOf(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers[CORRELATION_HEADER] ?? request.headers['x-request-id'];
  const id = (Array.isArray(given) ? given[0] : given)?.slice(0, 100) || traceCorrelationId() || randomUUID();
  response.setHeader(CORRELATION_HEADER, id);
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
