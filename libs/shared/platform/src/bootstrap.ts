import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { ConfigurationError, ServiceConfig } from './config/service-config';
import { jsonBody, type FileBodyRoute } from './http/json-body';
import { openApiDocument } from './http/openapi-document';
import { registryValidationPipe } from './http/validation.pipe';
import { ServiceMetrics } from './metrics/service-metrics';

export interface BootstrapOptions {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly defaultPort: number;
  /** Routes whose body is a file, streamed by their controller rather than parsed as JSON. */
  readonly fileBodies?: readonly FileBodyRoute[];
}

/** Creates a service's HTTP application: logger, validation, OpenAPI at /docs, graceful shutdown on SIGTERM. */
export async function createServiceApp(module: unknown, options: BootstrapOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module as never, {
    bufferLogs: true,
    abortOnError: false,
    // JSON only, with its own limit and error messages (jsonBody); forms and text are refused with 415.
    bodyParser: false,
  });
  // No ETag on answers: this API's reads are not cached by clients, and Express would hash every answer for one
  // (a 5,000-item batch answer is megabytes). The Express version is nobody's business either.
  app.set('etag', false);
  app.disable('x-powered-by');
  // First, so that the time of a body refused before routing is measured too.
  app.use(app.get(ServiceMetrics, { strict: false }).timeRequests);
  app.use(...jsonBody(options.fileBodies));
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(registryValidationPipe());
  // SIGTERM/SIGINT: stop taking requests, let consumers drain, close pools (module shutdown hooks).
  app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
  SwaggerModule.setup('docs', app, openApiDocument(app, options), {
    jsonDocumentUrl: 'docs/openapi.json',
  });
  return app;
}

/** Entry point of each app's main.ts: listens on PORT (or the service's default) and HOST. */
export async function runService(module: unknown, options: BootstrapOptions): Promise<INestApplication> {
  const app = await createServiceApp(module, options).catch((error: unknown) => {
    // A bad setting is an operator's mistake, not a crash: say which variable and stop.
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${options.name}: ${error.message}\n`);
      process.exit(78);
    }
    throw error;
  });
  const config = app.get(ServiceConfig);
  const port = config.PORT ?? options.defaultPort;
  await app.listen(port, config.HOST);
  app.get(Logger).log(`${options.name} listening on http://${config.HOST}:${port} (docs at /docs)`);
  return app;
}
