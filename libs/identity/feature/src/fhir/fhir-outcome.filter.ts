import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { RuleViolation } from '@registry/contracts';
import { FHIR_JSON, outcomeOf, type IssueType } from '@registry/identity-domain';
import { ruleViolationAsHttp } from '@registry/platform';
import type { Response } from 'express';

const ISSUE_OF_STATUS: Record<number, IssueType> = {
  400: 'structure',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-costly',
  422: 'processing',
  429: 'throttled',
};

/** On the FHIR routes every refusal and failure is an OperationOutcome, as FHIR clients expect, not the API's JSON. */
@Catch()
export class FhirOutcomeFilter implements ExceptionFilter {
  private readonly logger = new Logger('FHIR');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const http = error instanceof RuleViolation ? ruleViolationAsHttp(error) : error;
    const status = http instanceof HttpException ? http.getStatus() : 500;
    if (status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    const body = http instanceof HttpException ? http.getResponse() : undefined;
    const message =
      status >= 500
        ? 'the registry failed to answer; nothing you sent was lost, send it again'
        : typeof body === 'string'
          ? body
          : String((body as { message?: unknown } | undefined)?.message ?? (http as Error).message);
    response
      .status(status)
      .type(FHIR_JSON)
      .send(
        JSON.stringify(
          outcomeOf(
            status >= 500 ? 'exception' : (ISSUE_OF_STATUS[status] ?? 'processing'),
            message,
            status >= 500 ? 'fatal' : 'error',
          ),
        ),
      );
  }
}
