import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';

/** Batches of 5,000 items run to a few MB; anything larger is refused with 413 before it is parsed. */
export const JSON_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * A FHIR client (it sends or accepts application/fhir+json) reads every refusal as an OperationOutcome; any other
 * caller gets the API's error body.
 */
const refuse = (response: Response, statusCode: number, error: string, message: string): void => {
  const request = response.req;
  const fhir = /fhir\+json/i.test(`${request.headers['content-type'] ?? ''} ${request.headers.accept ?? ''}`);
  if (!fhir) return void response.status(statusCode).json({ statusCode, error, message });
  const code = statusCode === 413 ? 'too-costly' : statusCode === 415 ? 'not-supported' : 'structure';
  response
    .status(statusCode)
    .type('application/fhir+json')
    .send(
      JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: message }] }),
    );
};

/**
 * A route that takes a file as its body (an e-PPGBM spreadsheet), left unparsed for its controller to stream: the
 * path (without the query) and the content types it takes.
 */
export interface FileBodyRoute {
  readonly method: 'POST' | 'PUT';
  readonly path: RegExp;
  /** Media types without parameters, lower case, e.g. `text/csv`. */
  readonly types: readonly string[];
}

const mediaTypeOf = (header: string | undefined): string | undefined =>
  header?.split(';')[0]?.trim().toLowerCase() || undefined;

/**
 * Bodies are JSON or nothing: a form or text body would otherwise reach the validation as `{}` and be answered
 * with a list of missing fields, hiding that the fields were sent in the wrong format. The file routes take their
 * own types instead, and only those.
 */
const onlyJsonBodies =
  (fileRoutes: readonly FileBodyRoute[]): RequestHandler =>
  (request, response, next) => {
    const hasBody =
      Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    const type = request.headers['content-type'];
    const fileRoute = fileRoutes.find((route) => route.method === request.method && route.path.test(request.path));
    if (fileRoute) {
      if (hasBody && fileRoute.types.includes(mediaTypeOf(type) ?? '')) return next();
      return refuse(
        response,
        hasBody ? 415 : 400,
        hasBody ? 'Unsupported Media Type' : 'Bad Request',
        `${hasBody ? `Content-Type ${type ?? '(none)'} is not accepted` : 'the body is empty'}: send the file as the body with Content-Type ${fileRoute.types.join(' or ')}`,
      );
    }
    if (!hasBody || (type !== undefined && JSON_TYPE.test(type))) return next();
    refuse(
      response,
      415,
      'Unsupported Media Type',
      `Content-Type ${type ?? '(none)'} is not accepted: send the body as JSON with Content-Type: application/json`,
    );
  };

/** The parser's own errors, said in the caller's terms: what is wrong with the body and what to send instead. */
const bodyErrors = (error: unknown, _request: Request, response: Response, next: NextFunction): void => {
  const { type, message } = (error ?? {}) as { type?: string; message?: string };
  switch (type) {
    case 'entity.parse.failed':
      return refuse(
        response,
        400,
        'Bad Request',
        `the body is not valid JSON (${message}): send one JSON object, e.g. {"field": "value"}`,
      );
    case 'entity.too.large':
      return refuse(
        response,
        413,
        'Payload Too Large',
        `the body is larger than the limit of ${JSON_BODY_LIMIT_BYTES / 1024 / 1024} MB: split a batch into smaller ones`,
      );
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return refuse(response, 415, 'Unsupported Media Type', `${message}: send the body as UTF-8 JSON`);
    case 'request.aborted':
    case 'request.size.invalid':
      return refuse(response, 400, 'Bad Request', `the body was not received whole (${message}): send it again`);
    default:
      return next(error);
  }
};

/**
 * The JSON body parser every service uses, with the content type checked first and its errors explained; the
 * service's file routes are left to their controllers.
 */
export const jsonBody = (fileRoutes: readonly FileBodyRoute[] = []): Array<RequestHandler | typeof bodyErrors> => [
  onlyJsonBodies(fileRoutes),
  // application/json and its structured-syntax kin (application/fhir+json, application/merge-patch+json).
  express.json({ limit: JSON_BODY_LIMIT_BYTES, strict: true, type: ['application/json', 'application/*+json'] }),
  bodyErrors,
];
