import { MikroORM } from '@mikro-orm/core';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { EventBackbone, PG_POOL } from '../event-sourcing/event-sourcing.module';
import { registerEventMetrics } from './event-metrics';

/** OpenTelemetry's advice for `http.server.request.duration`, in seconds. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/**
 * A request no route matched (an unknown path, or a body refused before routing: too large, not JSON): one label
 * value for all of them, so random paths cannot make a series each.
 */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The service's Prometheus metrics: the process (prom-client's defaults), HTTP requests, and the event backbone,
 * rebuilds and database pools (event-metrics.ts), read when scraped. A registry of its own rather than prom-client's global one,
 * so two services in one process (tests) do not register the same names twice.
 */
@Injectable()
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly requestDuration = new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'Duration of HTTP server requests, by method, route template and status',
    labelNames: ['http_request_method', 'http_route', 'http_response_status_code'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  constructor(moduleRef: ModuleRef) {
    collectDefaultMetrics({ register: this.registry });
    // Looked up when scraped: a service without event sourcing has neither, and they are created after this.
    const find = <T>(token: unknown): T | undefined => {
      try {
        return moduleRef.get<T>(token as never, { strict: false });
      } catch {
        return undefined;
      }
    };
    registerEventMetrics(this.registry, async () => ({
      backbone: find<EventBackbone>(EventBackbone),
      pool: find<Pool>(PG_POOL),
      // MikroORM's Connection types its client as unknown; the PostgreSQL driver's is pg's Pool.
      ormPool: (await find<MikroORM>(MikroORM)?.em.getConnection().getNativeClient()) as Pool | undefined,
    }));
  }

  /** Express middleware timing every request from its first byte in to its last byte out. */
  readonly timeRequests = (request: Request, response: Response, next: NextFunction): void => {
    const end = this.requestDuration.startTimer();
    response.once('finish', () =>
      end({
        http_request_method: request.method,
        http_route: routeOf(request),
        http_response_status_code: response.statusCode,
      }),
    );
    next();
  };
}

/**
 * The route template Express matched (`/v1/measurements/:id/corrections`), with `:batch` unescaped as the OpenAPI
 * paths write it. Nest answers unknown paths from a wildcard route of its own: unmatched too.
 */
function routeOf(request: Request): string {
  const path: unknown = request.route?.path;
  return typeof path === 'string' && !path.includes('*')
    ? `${request.baseUrl}${path}`.replaceAll('\\', '')
    : UNMATCHED_ROUTE;
}
