import { ArgumentsHost, Catch, ConflictException, type ExceptionFilter } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { AppendConflictError, ExpectedVersionConflictError } from '@registry/event-store';

/**
 * A lost race on a stream is the caller's 409, never a 500: someone else changed the record first.
 * Use cases that can say more (e.g. which version is current) answer themselves before this runs.
 */
@Catch(AppendConflictError)
export class EventStoreErrorsFilter extends BaseExceptionFilter implements ExceptionFilter {
  override catch(error: AppendConflictError, host: ArgumentsHost): void {
    const message =
      error instanceof ExpectedVersionConflictError
        ? `the record changed meanwhile (now at version ${error.actual}): reload it and try again`
        : 'the record changed meanwhile: try again';
    super.catch(new ConflictException({ message }), host);
  }
}
