import {
  ArgumentsHost,
  Catch,
  ConflictException,
  type ExceptionFilter,
  type HttpException,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { RuleViolation } from '@registry/contracts';

/** A decider's refusal as every service answers it: 409, 404 or 422, the body naming the field to fix. */
export function ruleViolationAsHttp(error: RuleViolation): HttpException {
  const body = { message: `${error.field}: ${error.message}`, field: error.field };
  switch (error.kind) {
    case 'conflict':
      return new ConflictException(body);
    case 'not_found':
      return new NotFoundException(body);
    case 'invalid':
      return new UnprocessableEntityException(body);
    default: {
      const unknown: never = error.kind;
      throw new Error(`unknown rule violation kind ${String(unknown)}`);
    }
  }
}

/**
 * The HTTP answer for a decider's refusal, and any other error as it is: for use cases that look at the answer
 * before it leaves (a batch item's reason, a retry on a 4xx).
 */
export function httpErrorOf(error: unknown): unknown {
  return error instanceof RuleViolation ? ruleViolationAsHttp(error) : error;
}

/** Lets use cases throw their domain's refusal as it is: the answer is made here, once for all services. */
@Catch(RuleViolation)
export class RuleViolationFilter extends BaseExceptionFilter implements ExceptionFilter {
  override catch(error: RuleViolation, host: ArgumentsHost): void {
    super.catch(ruleViolationAsHttp(error), host);
  }
}
