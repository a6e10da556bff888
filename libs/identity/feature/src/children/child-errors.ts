import { ConflictException, HttpException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { ExpectedVersionConflictError } from '@registry/event-store';
import { ChildRuleViolation } from '@registry/identity-domain';

/** 422 for a rule of the data, 409 for a rule of the child's history, 404 for an unknown child; body names the field. */
export function toHttpError(error: unknown): unknown {
  if (error instanceof ChildRuleViolation) {
    const body = { message: `${error.field}: ${error.message}`, field: error.field };
    if (error.kind === 'conflict') return new ConflictException(body);
    if (error.kind === 'not_found') return new NotFoundException(body);
    return new UnprocessableEntityException(body);
  }
  if (error instanceof ExpectedVersionConflictError) {
    return new ConflictException({
      message: `the child is at version ${error.actual}, not ${String(error.expected)}: reload it and send If-Match with the current version`,
      field: 'If-Match',
      currentVersion: error.actual,
    });
  }
  return error;
}

export const invalid = (field: string, message: string): HttpException =>
  new UnprocessableEntityException({ message: `${field}: ${message}`, field });
