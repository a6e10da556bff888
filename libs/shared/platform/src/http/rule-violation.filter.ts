import {
  ArgumentsHost,
  Catch,
  BadRequestException,
  ConflictException,
  type ExceptionFilter,
  ForbiddenException,
  HttpException,
  NotFoundException,
  PayloadTooLargeException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { RuleViolation } from '@registry/contracts';

/** A refusal as every service answers it: 409, 404, 422, 400, 403 or 413, the body naming the field to fix. */
export function ruleViolationAsHttp(error: RuleViolation): HttpException {
  const body = { message: `${error.field}: ${error.message}`, field: error.field, ...error.details };
  switch (error.kind) {
    case 'conflict':
      return new ConflictException(body);
    case 'not_found':
      return new NotFoundException(body);
    case 'invalid':
      return new UnprocessableEntityException(body);
    case 'malformed':
      return new BadRequestException(body);
    case 'forbidden':
      return new ForbiddenException(body);
    case 'too_large':
      return new PayloadTooLargeException(body);
    default: {
      const unknown: never = error.kind;
      throw new Error(`unknown rule violation kind ${String(unknown)}`);
    }
  }
}

/** The HTTP answer for a refusal, and any other error as it is. */
function httpErrorOf(error: unknown): unknown {
  return error instanceof RuleViolation ? ruleViolationAsHttp(error) : error;
}

/** A refusal as the caller reads it: status and message; null for an error that is not the caller's (a 5xx). */
export interface Refusal {
  readonly status: number;
  readonly message: string;
}

/**
 * What a refused write tells its caller, for use cases that answer refusals per item (a batch) or look at them
 * before they leave: a rule violation or an access refusal; null for anything else (a failure, not a refusal).
 */
export function refusalOf(error: unknown): Refusal | null {
  const http = httpErrorOf(error);
  if (!(http instanceof HttpException) || http.getStatus() >= 500) return null;
  const response = http.getResponse();
  const message =
    typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? http.message);
  return { status: http.getStatus(), message };
}

/** Lets use cases throw their domain's refusal as it is: the answer is made here, once for all services. */
@Catch(RuleViolation)
export class RuleViolationFilter extends BaseExceptionFilter implements ExceptionFilter {
  override catch(error: RuleViolation, host: ArgumentsHost): void {
    super.catch(ruleViolationAsHttp(error), host);
  }
}
