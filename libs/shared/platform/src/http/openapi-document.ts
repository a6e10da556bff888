import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, getSchemaPath, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { refusalMeaning } from './api-refusals.decorator';
import { ErrorResponse } from './error-response.dto';

export interface ServiceDescription {
  readonly title: string;
  readonly description: string;
}

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** A 4xx the route may not name itself; added with the common error body unless the route documents it. */
function refuses(operation: Operation, status: number): void {
  operation.responses[status] ??= { description: refusalMeaning(status) };
}

/**
 * What the platform answers on every route, whatever its controller says: a body is JSON (400, 413, 415), a body,
 * query or path parameter is validated (400), an Idempotency-Key sent again with another body is refused (422), a
 * route with credentials refuses them (401, 403); a route without security is @Public and says so with an empty
 * requirement. Every 4xx then carries the common error body.
 */
function withPlatformRefusals(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      if (operation.requestBody !== undefined) [400, 413, 415].forEach((status) => refuses(operation, status));
      const parameters = (operation.parameters ?? []).filter((parameter) => 'in' in parameter);
      if (parameters.some((parameter) => parameter.in !== 'header')) refuses(operation, 400);
      if (parameters.some(({ in: where, name }) => where === 'header' && name.toLowerCase() === 'idempotency-key')) {
        operation.responses[422] ??= { description: 'This Idempotency-Key was sent before with another body' };
      }
      if (operation.security === undefined) operation.security = [];
      else if (operation.security.length > 0) [401, 403].forEach((status) => refuses(operation, status));
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400 || response === undefined || '$ref' in response || response.content) continue;
        response.content = { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } } };
      }
    }
  }
  return document;
}

/** A scheme no route takes is not offered: a service whose routes are not open to integrations takes no API key. */
function withUsedSecuritySchemesOnly(document: OpenAPIObject): OpenAPIObject {
  const used = new Set(
    Object.values(document.paths).flatMap((item) =>
      METHODS.flatMap((method) => (item[method]?.security ?? []).flatMap((requirement) => Object.keys(requirement))),
    ),
  );
  const schemes = document.components?.securitySchemes ?? {};
  for (const name of Object.keys(schemes)) if (!used.has(name)) delete schemes[name];
  return document;
}

/** The OpenAPI document of a service's HTTP application, as served at /docs/openapi.json. */
export function openApiDocument(app: INestApplication, service: ServiceDescription): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(service.title)
      .setDescription(service.description)
      .setVersion('1')
      .addServer('/', 'The service this document was read from')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'x-api-key' }, 'api-key')
      .build(),
    { extraModels: [ErrorResponse] },
  );
  return withUsedSecuritySchemesOnly(withPlatformRefusals(document));
}

/**
 * A service's document without running it: a preview application resolves the modules and reads the routes'
 * metadata but instantiates nothing, so no database, broker or setting is needed.
 */
export async function previewOpenApiDocument(module: unknown, service: ServiceDescription): Promise<OpenAPIObject> {
  const app = await NestFactory.create(module as never, { preview: true, abortOnError: false, logger: false });
  try {
    return openApiDocument(app, service);
  } finally {
    await app.close();
  }
}
