import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Registry } from 'prom-client';
import { Public } from '../http/public.decorator';
import { ServiceMetrics } from './service-metrics';

/**
 * Public like /health: Prometheus scrapes without credentials, and the metrics hold counts, durations and route
 * templates, never a child, a regency or an id. The port is meant for the private network (README, Operating).
 */
@ApiTags('health')
@Public()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get('metrics')
  @ApiOperation({
    summary:
      'Prometheus metrics: HTTP request durations, relay backlog and published events, consumer lag per projection ' +
      'and partition, dead letters, database pool, process',
  })
  @ApiProduces(Registry.PROMETHEUS_CONTENT_TYPE)
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4', schema: { type: 'string' } })
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.type(this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
