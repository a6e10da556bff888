import { ConflictException, HttpException, UnprocessableEntityException } from '@nestjs/common';
import { ExpectedVersionConflictError } from '@registry/event-store';
import { httpErrorOf } from '@registry/platform';

/** A refusal as the platform answers it; a stale If-Match says which version is current. */
export function toHttpError(error: unknown): unknown {
  if (error instanceof ExpectedVersionConflictError) {
    return new ConflictException({
      message: `the child is at version ${error.actual}, not ${String(error.expected)}: reload it and send If-Match with the current version`,
      field: 'If-Match',
      currentVersion: error.actual,
    });
  }
  return httpErrorOf(error);
}

export const invalid = (field: string, message: string): HttpException =>
  new UnprocessableEntityException({ message: `${field}: ${message}`, field });
